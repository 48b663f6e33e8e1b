// The core's lines, one a month, grouped for reading: the months in a row where an
// intern gets the same item at the same base, rate and amount under the same clause
// become one line ("2023-09 – 2024-02, 6 months"), and interns whose lines are alike
// in every way are shown once, with how many they are. A run keeps who receives it
// (payee: the unit, or the intern's own account). Amounts are only added up, as
// the core gave them; nothing is worked out here.

const nextMonth = (month) => {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
};

/** One intern's lines as runs: {item, base, rate, amount, rule, payee, from, to, months, total}. */
function runsOf(lines) {
  const runs = [];
  for (const line of lines) {
    const last = runs.findLast((r) => r.item === line.item);
    if (last && last.base === line.base && last.rate === line.rate && last.amount === line.amount
      && last.rule === line.rule && last.payee === line.payee && nextMonth(last.to) === line.month) {
      last.to = line.month;
      last.months += 1;
      last.total += line.amount;
    } else {
      runs.push({ item: line.item, base: line.base, rate: line.rate, amount: line.amount, rule: line.rule,
        payee: line.payee, from: line.month, to: line.month, months: 1, total: line.amount });
    }
  }
  return runs;
}

/**
 * lines: the core's `lines` → [{trainees: [indexes], runs, subtotal}], in the order of
 * the interns; `subtotal` is one intern's, so a group comes to subtotal × trainees.length.
 */
export function groupLines(lines) {
  const byTrainee = new Map();
  for (const line of lines ?? []) {
    if (!byTrainee.has(line.trainee)) byTrainee.set(line.trainee, []);
    byTrainee.get(line.trainee).push(line);
  }
  const groups = [];
  const bySignature = new Map();
  for (const [trainee, own] of [...byTrainee].sort((a, b) => a[0] - b[0])) {
    const runs = runsOf(own);
    const signature = JSON.stringify(runs);
    const same = bySignature.get(signature);
    if (same) { same.trainees.push(trainee); continue; }
    const group = { trainees: [trainee], runs, subtotal: runs.reduce((sum, r) => sum + r.total, 0) };
    bySignature.set(signature, group);
    groups.push(group);
  }
  return groups;
}
