// attach(form, options): the rule core's checks inside a portal's own form. The
// portal's inputs are read into a request (by a map of request paths to its inputs),
// checked on change (throttled) and on submit; each finding is marked on the input it
// names (aria-invalid, and a message tied by aria-describedby, in <html lang>'s
// language), findings without a field of their own go to a summary list, submission
// waits while errors remain (unless warnOnly), and every check is announced as a
// `jianxi-findings` event. detach() puts back every attribute and removes every node
// the layer added.
import * as core from './engine.js';
import { convert, formatsOf, typeFor } from './convert.js';
import { define } from './elements.js';
import { learnCatalog, messageOf, onLanguageChange, severityWord, text } from './language.js';
import { segments, setAt, upwards, within } from './pointer.js';
import { useHostSheet } from './styles.js';

let counter = 0;

const isElement = (x) => x instanceof Element;
const firstOf = (found) => (isElement(found) ? found : found?.[0] ?? null);

function find(form, selector) {
  const named = form.elements.namedItem(selector);
  if (named) return named;
  try {
    return form.querySelector(selector) ?? document.querySelector(selector);
  } catch {
    return document.getElementById(selector);
  }
}

function rawValue(found) {
  if (isElement(found)) return found.type === 'checkbox' ? found.checked : found.value;
  const all = [...found];
  if (all.every((el) => el.type === 'checkbox')) return all.length === 1 ? all[0].checked : all.filter((el) => el.checked).map((el) => el.value);
  return found.value;  // a radio group: the chosen value
}

/** The layer's request: the fixed part (kind, policy or province) and every mapped field. */
function readRequest(options, fields, formats) {
  const request = { kind: options.kind };
  if (options.policy) request.policy = options.policy;
  if (options.province) request.province = options.province;
  if (options.asOf) request.as_of = options.asOf;
  Object.assign(request, options.request ?? {});
  for (const { path, found, type } of fields) {
    const raw = rawValue(found);
    const value = Array.isArray(raw) ? raw : convert(raw, typeFor(path, found, type, formats));
    if (value !== undefined) setAt(request, path, value);
    else ensureParent(request, path);
  }
  // Rows left wholly empty at the end of a list are no rows (a portal prints spare ones).
  for (const value of Object.values(request)) {
    while (Array.isArray(value) && value.length && isEmptyRow(value[value.length - 1])) value.pop();
  }
  return request;
}

const isEmptyRow = (row) => row === undefined || (typeof row === 'object' && row !== null && !Array.isArray(row) && !Object.keys(row).length);

// An empty field still makes its group ({} or []), so the core names the field, not the group.
function ensureParent(request, path) {
  const parent = path.slice(0, path.lastIndexOf('/'));
  if (!parent) return;
  let node = request;
  const steps = segments(parent);
  steps.forEach((step, i) => {
    const key = Array.isArray(node) ? Number(step) : step;
    node[key] ??= /^\d+$/.test(steps[i + 1] ?? '') ? [] : {};
    node = node[key];
  });
}

/** One finding as a list item: its severity word and message, with its code and path for styling. */
function findingItem(finding) {
  const li = document.createElement('li');
  li.className = `finding ${finding.severity}`;
  li.dataset.code = finding.code;
  li.dataset.path = finding.path ?? '';
  li.textContent = `${severityWord(finding.severity)}${text('：', ': ')}${messageOf(finding)}`;
  return li;
}

/** The portal's own list as the summary: an item per finding, with a button to the field it covers. */
function listSummary(list, itemFor) {
  return {
    focus: () => list.querySelector('button')?.focus(),
    show(findings) {
      list.replaceChildren(...findings.map((finding) => {
        const li = itemFor(finding);
        if (finding.target) {
          const go = document.createElement('button');
          go.type = 'button';
          go.className = 'jianxi-jump';
          go.textContent = text('转到该项', 'Go to the field');
          go.addEventListener('click', () => { finding.target.scrollIntoView?.({ block: 'center' }); finding.target.focus(); });
          li.append(' ', go);
        }
        return li;
      }));
    },
  };
}

export function attach(form, options = {}) {
  if (typeof form === 'string') form = document.querySelector(form);
  if (!(form instanceof HTMLFormElement)) throw new TypeError('attach: a <form> element is needed');
  define();
  const interval = options.throttle ?? 200;
  const touched = new Set();
  const added = [];            // nodes the layer put into the page
  const listeners = [];
  let submitted = false;
  let passing = false;
  let last = 0;
  let timer = null;
  let formats = new Map();
  let latest = null;
  let shownMessages = new Set();
  let running = Promise.resolve(null);

  const releaseSheet = useHostSheet();
  const itemFor = (finding) => (options.item ? options.item(finding) : findingItem(finding));

  // The summary: the portal's own <jianxi-findings> or list (<ul>, <ol>), else a
  // <jianxi-findings> inside the portal's element or at the form's top.
  const summaryHost = typeof options.summary === 'string' ? document.querySelector(options.summary) : options.summary;
  let summary;
  if (summaryHost?.localName === 'jianxi-findings') summary = summaryHost;
  else if (summaryHost?.matches('ul, ol')) summary = listSummary(summaryHost, itemFor);
  else {
    summary = document.createElement('jianxi-findings');
    summary.setAttribute('role', 'region');
    if (summaryHost) summaryHost.append(summary);
    else form.prepend(summary);
    added.push(summary);
  }
  const announcer = document.createElement('div');
  announcer.className = 'jianxi-announcer';
  announcer.setAttribute('role', 'status');
  form.append(announcer);
  added.push(announcer);

  const mapping = () => (typeof options.fields === 'function' ? options.fields() : options.fields ?? {});
  function resolveFields() {
    const out = [];
    for (const [path, spec] of Object.entries(mapping())) {
      const { selector, type } = typeof spec === 'string' ? { selector: spec } : spec;
      const found = find(form, selector);
      if (found && (isElement(found) || found.length)) out.push({ path, found, type, element: firstOf(found) });
    }
    return out;
  }

  const ready = (async () => {
    const catalog = await core.catalog({ sections: options.kind === 'unit_application' ? ['policies', 'forms'] : ['policies'] });
    learnCatalog(catalog);
    if (options.kind === 'unit_application') {
      formats = formatsOf(catalog.forms?.find((f) => f.id === (options.form ?? 'unit-application')));
    }
    // The core reads a kind's rules on its first request: done now, unseen, so that
    // the first keystroke is marked as fast as the rest.
    await core.check(readRequest(options, resolveFields(), formats));
  })();

  // The marks on the page: input -> its message list and what it says. A mark that
  // says the same stays as it is, so the page does not shift under the person's hand.
  const marks = new Map();
  const restoreAttribute = (el, name, value) => (value === null ? el.removeAttribute(name) : el.setAttribute(name, value));
  function unmark(el) {
    const mark = marks.get(el);
    mark.box.remove();
    restoreAttribute(el, 'aria-invalid', mark.invalid);
    restoreAttribute(el, 'aria-describedby', mark.describedby);
    marks.delete(el);
  }
  function clearMarks() {
    for (const el of [...marks.keys()]) unmark(el);
  }

  function messageElement(element, items) {
    const box = document.createElement('ul');
    box.className = ['jianxi-message', options.messageClass].filter(Boolean).join(' ');
    box.id = `jianxi-message-${++counter}`;
    box.dataset.severity = items.some((x) => x.severity === 'error') ? 'error' : 'warning';
    box.append(...items.map(itemFor));
    // After the input, or after its label when the label follows it (a checkbox) or wraps it.
    const next = element.nextElementSibling;
    const after = element.closest('label') ?? (next?.localName === 'label' && next.htmlFor === element.id ? next : element);
    after.after(box);
    return box;
  }

  /** Puts each finding on its field or into the summary; announces what is new. */
  function render() {
    if (!latest) return;
    const { result, fields } = latest;
    const byPath = new Map(fields.map((f) => [f.path, f]));
    const perElement = new Map();
    const general = [];
    const findings = [
      ...(result.errors ?? []).map((f) => ({ ...f, severity: 'error' })),
      ...(result.warnings ?? []).map((f) => ({ ...f, severity: 'warning' })),
    ];
    for (const finding of findings) {
      const owner = upwards(finding.path ?? '').map((p) => byPath.get(p)).find(Boolean);
      finding.field = owner?.element ?? null;
      finding.shown = options.showAll || submitted || Boolean(owner && touched.has(owner.path));
      if (!finding.shown) continue;
      if (owner) {
        if (!perElement.has(owner.element)) perElement.set(owner.element, []);
        perElement.get(owner.element).push(finding);
      } else {
        // A relation between fields: listed, and the jump goes to the first field it covers.
        const covered = fields.find((f) => within(f.path, finding.path ?? ''));
        general.push({ ...finding, target: covered?.element ?? null });
      }
    }
    const now = new Set();
    const keyOf = (items) => items.map((x) => `${x.severity} ${x.code} ${x.path} ${messageOf(x)}`).join('\n');
    for (const [element, mark] of [...marks]) {
      if (mark.key !== keyOf(perElement.get(element) ?? [])) unmark(element);
    }
    for (const [element, items] of perElement) {
      for (const item of items) now.add(messageOf(item));
      if (marks.has(element)) continue;
      const mark = { invalid: element.getAttribute('aria-invalid'), describedby: element.getAttribute('aria-describedby'), key: keyOf(items) };
      mark.box = messageElement(element, items);
      marks.set(element, mark);
      element.setAttribute('aria-describedby', [mark.describedby, mark.box.id].filter(Boolean).join(' '));
      if (items.some((x) => x.severity === 'error')) element.setAttribute('aria-invalid', 'true');
    }
    summary.show(general);
    for (const item of general) now.add(messageOf(item));
    const fresh = [...now].filter((m) => !shownMessages.has(m));
    if (fresh.length) announcer.textContent = fresh.join('；');
    else if (!now.size && shownMessages.size) announcer.textContent = text('已无校验问题。', 'No problems found.');
    shownMessages = now;
    return findings;
  }

  async function runCheck() {
    await ready;
    const fields = resolveFields();
    const request = readRequest(options, fields, formats);
    const result = await core.check(request);
    latest = { request, result, fields };
    const findings = render();
    form.dispatchEvent(new CustomEvent('jianxi-findings', {
      bubbles: true,
      detail: { request, result, ok: result.ok, errors: result.errors, warnings: result.warnings, findings, submitted },
    }));
    return result;
  }

  function check() {
    running = running.then(runCheck, runCheck);
    return running;
  }
  // For checks nobody waits for: a core that could not load leaves the form as the portal made it.
  const checkQuietly = () => { check().catch(() => null); };
  ready.catch(() => null);

  // At most one check per `interval` while typing, and always one after the last keystroke.
  function throttled() {
    if (timer) return;
    const wait = last + interval - performance.now();
    if (wait <= 0) {
      // The first keystroke after a pause is checked at once, not a task later.
      last = performance.now();
      checkQuietly();
      return;
    }
    timer = setTimeout(() => { timer = null; last = performance.now(); checkQuietly(); }, wait);
  }

  function onEdit(event) {
    const path = resolveFields().find((f) => (isElement(f.found) ? f.found === event.target : [...f.found].includes(event.target)))?.path;
    if (!path) return;
    touched.add(path);
    throttled();
  }

  async function onSubmit(event) {
    if (passing) return;
    submitted = true;
    if (options.warnOnly) { checkQuietly(); return; }
    event.preventDefault();
    event.stopImmediatePropagation();
    const submitter = event.submitter;
    let result;
    try {
      result = await check();
    } catch {
      result = null;  // the core could not load: the portal's own checks decide
    }
    if (result && !result.ok) {
      const first = latest.fields.find((f) => result.errors.some((e) => upwards(e.path).includes(f.path)));
      (first?.element ?? summary).focus?.();
      return;
    }
    // Submitted again once this submit event is over (a form ignores a submission
    // asked for while its submit event is still being dispatched).
    setTimeout(() => {
      passing = true;
      form.requestSubmit(submitter && submitter.form === form ? submitter : undefined);
      passing = false;
    });
  }

  const listen = (target, type, fn, capture = false) => {
    target.addEventListener(type, fn, capture);
    listeners.push(() => target.removeEventListener(type, fn, capture));
  };
  listen(form, 'input', onEdit);
  listen(form, 'change', onEdit);
  listen(form, 'submit', onSubmit, true);
  const stopLanguage = onLanguageChange(() => render());
  if (options.showAll) checkQuietly();

  return {
    ready: ready.then(() => undefined),
    /** Checks now, showing every finding (as a submit attempt would). */
    checkAll: () => { submitted = true; return check(); },
    /** Checks now, showing findings on the fields already edited. */
    check,
    get result() { return latest?.result ?? null; },
    get request() { return latest?.request ?? null; },
    detach() {
      clearTimeout(timer);
      for (const off of listeners) off();
      stopLanguage();
      clearMarks();
      for (const node of added) node.remove();
      added.length = 0;
      releaseSheet();
      latest = null;
    },
  };
}
