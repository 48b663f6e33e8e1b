// JSON Pointers (RFC 6901) as the core's findings use them: building a request from
// pointer-keyed values, and walking a finding's path up to the nearest one that names
// a field of the portal.
const unescape = (s) => s.replace(/~1/g, '/').replace(/~0/g, '~');

export const segments = (pointer) => (pointer ? pointer.split('/').slice(1).map(unescape) : []);

/** Sets `value` at `pointer` inside `target`, making objects and arrays (for a numeric step) on the way. */
export function setAt(target, pointer, value) {
  const steps = segments(pointer);
  let node = target;
  steps.forEach((step, i) => {
    const last = i === steps.length - 1;
    const key = Array.isArray(node) ? Number(step) : step;
    if (last) {
      node[key] = value;
      return;
    }
    node[key] ??= /^\d+$/.test(steps[i + 1]) ? [] : {};
    node = node[key];
  });
  return target;
}

/** `pointer` and its parents, nearest first: /a/0/b, /a/0, /a. */
export function upwards(pointer) {
  const out = [];
  for (let p = pointer; p; p = p.slice(0, p.lastIndexOf('/'))) out.push(p);
  return out;
}

/** Whether `pointer` lies under `parent` (or is it). */
export const within = (pointer, parent) => pointer === parent || pointer.startsWith(`${parent}/`) || parent === '';
