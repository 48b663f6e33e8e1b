// The custom elements a portal may not already have:
//   <jianxi-findings for="form-id">  an accessible list of findings, each jumping to its field or cell;
//   <jianxi-estimate province=… place=…>  the employer's estimate of the subsidy;
//   <jianxi-eligibility province=…>  the graduate's check.
// Each draws into its own shadow root with constructed style sheets (allowed by the
// host's CSP), inherits the host's font and colours through CSS custom properties
// (--jianxi-color, --jianxi-accent, --jianxi-error-color, …) and speaks the host's
// <html lang>. An answer with errors shows its findings and no figure.
import * as core from './engine.js';
import { learnCatalog, messageOf, onLanguageChange, pageLanguage, severityWord, text } from './language.js';
import { ELEMENT_CSS, shadowSheet } from './styles.js';

let sheet;
const elementSheet = () => (sheet ??= shadowSheet(ELEMENT_CSS));

function make(tag, attributes = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attributes)) {
    if (k === 'text') el.textContent = v;
    else el.setAttribute(k, v);
  }
  el.append(...children);
  return el;
}

const today = () => {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};

const nameOf = (entry) => (pageLanguage() === 'en' ? entry.name_en || entry.name : entry.name);
const yuan = (n) => Number(n).toLocaleString(pageLanguage() === 'en' ? 'en' : 'zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Focuses a finding's field or cell and brings it into view. */
function jumpTo(target) {
  target.scrollIntoView?.({ block: 'center' });
  target.focus?.({ preventScroll: true });
}

/** A finding as a list item: its severity and message, and a jump when it has a place. */
function findingItem(finding) {
  const li = make('li', { class: finding.severity });
  const words = `${severityWord(finding.severity)}${text('：', ': ')}${messageOf(finding)}`;
  const target = finding.target ?? finding.field ?? null;
  if (target) {
    const go = make('button', { type: 'button', class: 'link', text: words });
    go.addEventListener('click', () => jumpTo(target));
    li.append(go);
  } else li.append(words);
  return li;
}

class Base extends HTMLElement {
  constructor() {
    super();
    this.attachShadow({ mode: 'open' }).adoptedStyleSheets = [elementSheet()];
  }

  connectedCallback() {
    this.stopLanguage = onLanguageChange(() => this.draw());
    this.draw();
  }

  disconnectedCallback() {
    this.stopLanguage?.();
  }
}

class FindingsElement extends Base {
  constructor() {
    super();
    this.items = [];
    this.onFindings = (event) => {
      if (event.target.id !== this.getAttribute('for')) return;
      this.show(event.detail.findings.filter((f) => f.shown));
    };
  }

  connectedCallback() {
    super.connectedCallback();
    if (this.hasAttribute('for')) document.addEventListener('jianxi-findings', this.onFindings);
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    document.removeEventListener('jianxi-findings', this.onFindings);
  }

  /** Shows findings ({severity, message, message_en, target?}); none hides the list. */
  show(items) {
    this.items = items ?? [];
    this.draw();
  }

  draw() {
    const count = this.items.length;
    this.hidden = count === 0;
    if (!this.getAttribute('aria-label') || this.dataset.jianxiLabel) {
      this.dataset.jianxiLabel = 'true';
      this.setAttribute('aria-label', text('校验结果', 'Findings'));
    }
    const title = make('p', { part: 'title', text: text(`校验发现 ${count} 个问题：`, `${count} ${count === 1 ? 'problem' : 'problems'} found:`) });
    this.shadowRoot.replaceChildren(title, make('ul', { part: 'list' }, ...this.items.map(findingItem)));
  }
}

/** The shared shape of the two small forms: fields, a button, and an answer below. */
class QuestionElement extends Base {
  async draw() {
    const catalog = await core.catalog({ sections: ['policies', 'vocabulary'] }).catch(() => null);
    if (!catalog) {
      this.shadowRoot.replaceChildren(make('p', { role: 'alert', text: text('计算程序未能加载。', 'The calculator could not be loaded.') }));
      return;
    }
    learnCatalog(catalog);
    const kept = Object.fromEntries([...this.shadowRoot.querySelectorAll('[name]')].map((el) => [el.name, el.type === 'checkbox' ? el.checked : el.value]));
    const form = make('form', { part: 'form' });
    form.noValidate = true;
    form.append(...this.fields(catalog), make('button', { type: 'submit', part: 'button', text: this.action() }));
    for (const el of form.querySelectorAll('[name]')) {
      if (kept[el.name] === undefined) continue;
      if (el.type === 'checkbox') el.checked = kept[el.name];
      else el.value = kept[el.name];
    }
    this.answer = make('div', { part: 'answer', role: 'status' });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.ask(form, catalog);
    });
    this.shadowRoot.replaceChildren(form, this.answer);
    if (this.last) this.showAnswer(this.last, catalog);
  }

  async ask(form, catalog) {
    const values = Object.fromEntries([...form.querySelectorAll('[name]')].map((el) => [el.name, el.type === 'checkbox' ? el.checked : el.value.trim()]));
    this.last = await core.check(this.request(values));
    this.showAnswer(this.last, catalog);
    this.dispatchEvent(new CustomEvent('jianxi-result', { bubbles: true, composed: true, detail: this.last }));
  }

  /** The element's own field a finding's path names (/place, /trainees/0/insurance_premium), if any. */
  fieldFor(path) {
    const name = (path ?? '').replace(/^\/trainees\/0\//, '/').slice(1);
    return name && !name.includes('/') ? this.shadowRoot.querySelector(`form [name="${CSS.escape(name)}"]`) : null;
  }

  showAnswer(result, catalog) {
    const parts = [];
    const item = (f, severity) => findingItem({ ...f, severity, target: this.fieldFor(f.path) });
    if (result.errors.length) parts.push(make('ul', {}, ...result.errors.map((f) => item(f, 'error'))));
    else parts.push(...this.figures(result, catalog));
    const caveats = result.warnings.filter((f) => f.detail);
    const others = result.warnings.filter((f) => !f.detail);
    if (others.length) parts.push(make('ul', {}, ...others.map((f) => item(f, 'warning'))));
    if (caveats.length) {
      parts.push(make('p', { text: text('部分数据的来源可信度不高，请向当地人社部门核实。', 'Some figures rest on sources below high confidence; check with the local office.') }));
      const trail = make('details', {}, make('summary', { text: text('来源与可信度', 'Sources and confidence') }));
      for (const f of caveats) trail.append(make('p', { text: pageLanguage() === 'en' ? f.detail_en || f.detail : f.detail }));
      parts.push(trail);
    }
    this.answer.replaceChildren(...parts);
  }

  field(label, control) {
    control.id = `f-${control.name}`;
    return make('div', { class: 'field' }, make('label', { for: control.id, text: label }), control);
  }
}

class EstimateElement extends QuestionElement {
  static get observedAttributes() { return ['province', 'place', 'policy']; }
  attributeChangedCallback() { if (this.isConnected) this.draw(); }
  action() { return text('估算补贴', 'Estimate'); }

  fields(catalog) {
    const category = make('select', { name: 'category' }, ...catalog.categories.map((c) => new Option(nameOf(c), c.id)));
    const place = make('input', { name: 'place', type: 'text', autocomplete: 'off' });
    place.value = this.getAttribute('place') ?? '';
    return [
      this.field(text('见习人员类别', 'Intern category'), category),
      this.field(text('所在地', 'Place'), place),
      this.field(text('见习开始日期', 'Internship starts'), make('input', { name: 'start', type: 'date', required: '' })),
      this.field(text('见习结束日期', 'Internship ends'), make('input', { name: 'end', type: 'date', required: '' })),
      // Asked by the notices that refund the internship's insurance premium.
      this.field(text('实际保费（元，可不填）', 'Insurance premium paid (yuan, optional)'),
        make('input', { name: 'insurance_premium', type: 'number', inputmode: 'decimal', min: '0', step: '0.01' })),
    ];
  }

  request(values) {
    const request = { kind: 'subsidy' };
    if (this.getAttribute('policy')) request.policy = this.getAttribute('policy');
    else Object.assign(request, { province: this.getAttribute('province') ?? '', as_of: values.start || today() });
    if (values.place) request.place = values.place;
    const trainee = { category: values.category };
    if (values.start) trainee.start = values.start;
    if (values.end) trainee.end = values.end;
    if (values.insurance_premium !== '') trainee.insurance_premium = Number(values.insurance_premium);
    request.trainees = [trainee];
    return request;
  }

  figures(result, catalog) {
    const items = Object.entries(result.by_item ?? {}).map(([id, amount]) => {
      const item = catalog.items.find((x) => x.id === id);
      return make('li', { text: `${item ? nameOf(item) : id}${text('：', ': ')}${yuan(amount)} ${text('元', 'yuan')}` });
    });
    return [make('p', { part: 'total', text: `${text('预计补贴合计', 'Estimated subsidy')}${text('：', ': ')}${yuan(result.total)} ${text('元', 'yuan')}` }),
      make('ul', {}, ...items)];
  }
}

class EligibilityElement extends QuestionElement {
  static get observedAttributes() { return ['province', 'policy']; }
  attributeChangedCallback() { if (this.isConnected) this.draw(); }
  action() { return text('开始自查', 'Check'); }

  fields(catalog) {
    const education = make('select', { name: 'education' }, ...catalog.education.map((e) => new Option(nameOf(e), e.id)));
    const registered = make('input', { name: 'registered_unemployed', type: 'checkbox', id: 'f-registered_unemployed' });
    return [
      this.field(text('出生日期', 'Date of birth'), make('input', { name: 'birth_date', type: 'date' })),
      this.field(text('学历', 'Education'), education),
      this.field(text('离校（毕业）日期', 'Day you left school'), make('input', { name: 'graduated_on', type: 'date' })),
      make('div', { class: 'field check' }, registered, make('label', { for: 'f-registered_unemployed', text: text('已办理失业登记', 'Registered as unemployed') })),
    ];
  }

  request(values) {
    const request = { kind: 'eligibility', as_of: today(), education: values.education, registered_unemployed: values.registered_unemployed };
    if (this.getAttribute('policy')) request.policy = this.getAttribute('policy');
    else request.province = this.getAttribute('province') ?? '';
    if (values.birth_date) request.birth_date = values.birth_date;
    if (values.graduated_on) request.graduated_on = values.graduated_on;
    return request;
  }

  figures(result) {
    const verdict = result.eligible ? text('符合见习条件。', 'You qualify for an internship.') : text('不符合见习条件。', 'You do not qualify.');
    return [make('p', { part: 'verdict', text: verdict }),
      make('ul', {}, ...(result.reasons ?? []).map((r) => make('li', { text: messageOf(r) })))];
  }
}

/** Registers the elements (once; a page may call it again). */
export function define() {
  const entries = [['jianxi-findings', FindingsElement], ['jianxi-estimate', EstimateElement], ['jianxi-eligibility', EligibilityElement]];
  for (const [name, element] of entries) if (!customElements.get(name)) customElements.define(name, element);
}
