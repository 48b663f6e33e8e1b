// Keeps each page's inputs across reloads (and offline) in localStorage.
const prefix = 'jianxi.inputs.';

export function load(page) {
  try {
    const text = localStorage.getItem(prefix + page);
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

export function save(page, value) {
  try {
    localStorage.setItem(prefix + page, JSON.stringify(value));
  } catch {
    // Storage full or disabled: the page still works, it just forgets.
  }
}
