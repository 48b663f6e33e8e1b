// An editable combobox with a filtered list (the ARIA 1.2 "list autocomplete" pattern):
// typing filters the options by substring, best match first, and highlights it; ArrowDown
// and ArrowUp move through the list, Enter picks, Escape closes (and clears when
// already closed); a pointer picks too. What the person typed stays as free text
// until an option is picked. The page gives the options and is told of every change.
let ids = 0;

/**
 * input: the <input role="combobox">; listbox: its <ul role="listbox">; status: a live
 * region for the number of matches. options(): [{value, label, detail, search,
 * typedOnly}] (a typedOnly option is offered only to what is typed, not in the full list);
 * onPick(option|null): an option was picked, or the text was edited (null);
 * countText(n): what the live region says.
 */
export function combobox(input, listbox, status, { options, onPick, countText }) {
  const prefix = `${listbox.id || `combo${++ids}`}-opt`;
  let shown = [];
  let active = -1;

  const normal = (s) => String(s ?? '').toLowerCase().replace(/\s+/g, '');
  // The name itself first (as typed, then starting so, then containing it), then the
  // other words an option is found by: "离石" is 离石区 before a city listed with it.
  const rank = (o, q) => {
    const label = normal(o.label);
    if (label === q) return 0;
    if (label.startsWith(q)) return 1;
    if (label.includes(q)) return 2;
    return normal(o.search ?? o.label).includes(q) ? 3 : -1;
  };
  const matches = () => {
    const q = normal(input.value);
    const all = options();
    if (!q || all.some((o) => o.value === input.dataset.value && o.label === input.value)) return all.filter((o) => !o.typedOnly);
    return all.map((o, i) => [rank(o, q), i, o]).filter(([r]) => r >= 0)
      .sort((a, b) => a[0] - b[0] || a[1] - b[1]).map(([, , o]) => o);
  };

  function setActive(i) {
    active = i;
    [...listbox.children].forEach((li, k) => li.setAttribute('aria-selected', String(k === i)));
    if (i >= 0 && listbox.children[i]) {
      input.setAttribute('aria-activedescendant', listbox.children[i].id);
      listbox.children[i].scrollIntoView({ block: 'nearest' });
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  }

  function open(highlightFirst) {
    shown = matches();
    listbox.replaceChildren(...shown.map((o, i) => {
      const li = document.createElement('li');
      li.id = `${prefix}-${i}`;
      li.setAttribute('role', 'option');
      li.setAttribute('aria-selected', 'false');
      li.dataset.value = o.value;
      const name = document.createElement('span');
      name.className = 'option-name';
      name.textContent = o.label;
      li.append(name);
      if (o.detail) {
        const detail = document.createElement('span');
        detail.className = 'option-detail';
        detail.textContent = o.detail;
        li.append(detail);
      }
      if (o.confidence) li.dataset.confidence = o.confidence;
      // mousedown keeps the focus in the input; click picks.
      li.addEventListener('mousedown', (e) => e.preventDefault());
      li.addEventListener('click', () => pick(i));
      return li;
    }));
    listbox.hidden = shown.length === 0;
    input.setAttribute('aria-expanded', String(shown.length > 0));
    status.textContent = countText(shown.length);
    setActive(highlightFirst && shown.length ? 0 : -1);
  }

  function close() {
    listbox.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  }

  function pick(i) {
    const o = shown[i];
    if (!o) return;
    input.value = o.label;
    input.dataset.value = o.value;
    close();
    onPick(o);
  }

  input.addEventListener('input', () => {
    delete input.dataset.value;
    onPick(null);
    open(input.value.trim() !== '');
  });
  input.addEventListener('focus', () => { if (!input.value) open(false); });
  input.addEventListener('click', () => { if (listbox.hidden) open(false); });
  input.addEventListener('blur', () => close());
  input.addEventListener('keydown', (e) => {
    const isOpen = !listbox.hidden;
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      if (!isOpen) open(false);
      setActive(Math.min(active + 1, shown.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      if (isOpen) setActive(Math.max(active - 1, 0));
    } else if (e.key === 'Enter') {
      if (isOpen && active >= 0) {
        e.preventDefault();
        pick(active);
      }
    } else if (e.key === 'Escape') {
      if (isOpen) {
        e.preventDefault();
        close();
      } else if (input.value) {
        e.preventDefault();
        input.value = '';
        delete input.dataset.value;
        onPick(null);
      }
    } else if (e.key === 'Tab') {
      close();
    }
  });

  return {
    /** Shows a value as picked (restoring saved inputs) without telling the page. */
    set(option) {
      if (option) {
        input.value = option.label;
        input.dataset.value = option.value;
      } else {
        delete input.dataset.value;
      }
    },
    text(value) {
      input.value = value ?? '';
      delete input.dataset.value;
    },
    value: () => input.dataset.value ?? '',
    // New options (a province's places arriving): redrawn while the list is open, and
    // offered to someone still typing, whose words found nothing before they came.
    refresh() {
      if (!listbox.hidden) open(active >= 0);
      else if (document.activeElement === input && input.value.trim() && !input.dataset.value) open(true);
    },
    close,
  };
}
