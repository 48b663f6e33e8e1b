// Filling the estimate page as a person would: the place first, then one card per intern.
// Shared by the estimate tests so that each states only its figures.

/** Chooses the province and, where given, the city typed by name. */
export async function choosePlace(page, { province, city }) {
  await page.selectOption('#place-province', province);
  if (city) await page.locator('#place-city').pressSequentially(city);
}

/** Fills intern card i (0-based) and returns its locator; fields left out stay as they are. */
export async function fillCard(page, i, { category, start, end, premium }) {
  const card = page.locator('#trainees > li').nth(i);
  if (category) await card.locator('[name="category"]').selectOption(category);
  if (start) await card.locator('[name="start"]').fill(start);
  if (end) await card.locator('[name="end"]').fill(end);
  if (premium !== undefined) await card.locator('[name="insurance_premium"]').fill(String(premium));
  return card;
}

/** 南昌市 under 赣人社发〔2023〕9号, one college graduate 2023-09 to 2024-02 with a 120 premium. */
export async function fillNanchangGraduate(page) {
  await page.click('#clear');
  await choosePlace(page, { province: 'jiangxi', city: '南昌市' });
  return fillCard(page, 0, { category: 'college_graduate', start: '2023-09-01', end: '2024-02-29', premium: 120 });
}
