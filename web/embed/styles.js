// The layer's default look, as constructed style sheets: the host's CSP
// (style-src 'self') forbids inline <style> and style attributes, not sheets built
// through the CSSOM. Every rule sits in :where() so any rule of the portal wins, and
// colours come from custom properties the host may set.
export const HOST_CSS = `
:where(.jianxi-message) { display: block; margin: .25em 0 0; padding: 0; list-style: none; font-size: .9em;
  color: var(--jianxi-error-color, #b3261e); }
:where(.jianxi-message[data-severity="warning"]) { color: var(--jianxi-warning-color, #6b4500); }
:where([aria-invalid="true"]) { outline: 2px solid var(--jianxi-error-color, #b3261e); outline-offset: 1px; }
:where(.jianxi-announcer) { position: absolute; width: 1px; height: 1px; margin: -1px; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; border: 0; padding: 0; }
`;

let hostSheet;
let users = 0;

/** Adds the default sheet to the document while at least one form is attached. */
export function useHostSheet() {
  hostSheet ??= new CSSStyleSheet();
  if (!hostSheet.cssRules.length) hostSheet.replaceSync(HOST_CSS);
  if (users++ === 0) document.adoptedStyleSheets = [...document.adoptedStyleSheets, hostSheet];
  return () => {
    if (--users === 0) document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== hostSheet);
  };
}

/** A sheet for a custom element's shadow root. */
export function shadowSheet(css) {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  return sheet;
}

/** What the custom elements share: the host's font and colours, through custom properties. */
export const ELEMENT_CSS = `
:host { display: block; font: inherit; color: var(--jianxi-color, inherit); }
:host([hidden]) { display: none; }
* { box-sizing: border-box; font: inherit; }
.error { color: var(--jianxi-error-color, #b3261e); }
.warning { color: var(--jianxi-warning-color, #6b4500); }
button, input, select { color: inherit; border: 1px solid var(--jianxi-border-color, #767676);
  border-radius: var(--jianxi-radius, 4px); padding: .4em .6em; min-height: 2.75em; background: var(--jianxi-field-background, #fff); }
button { background: var(--jianxi-accent, #0b5cad); color: var(--jianxi-accent-text, #fff); border-color: transparent; cursor: pointer; }
button.link { display: block; width: 100%; background: none; color: var(--jianxi-link-color, #0b5cad); border: 0;
  padding: .3em 0; min-height: 2.75em; text-decoration: underline; text-align: start; }
:focus-visible { outline: 3px solid var(--jianxi-focus-color, #0b5cad); outline-offset: 2px; }
label { display: block; margin: .5em 0 .2em; }
.field { margin-bottom: .5em; }
.field > input, .field > select { width: 100%; max-width: 24em; }
.check { display: flex; align-items: center; gap: .5em; }
.check > input { width: 1.25em; height: 1.25em; min-height: 0; margin: 0; }
.check > label { margin: 0; }
ul { margin: .25em 0; padding: 0; list-style: none; }
li { margin: .25em 0; }
[hidden] { display: none !important; }
`;
