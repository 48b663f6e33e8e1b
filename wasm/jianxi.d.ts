// Types of the Jianxi module's JavaScript API (hand-written: Emscripten 3.1.6 has no --emit-tsd).

/**
 * Every finding code the core can emit: the `code` of each entry of the catalog's
 * `findings`, written in at build time from rules/findings/codes.json
 * (cmake/finding_codes_dts.cmake).
 */
export type FindingCode =@JIANXI_FINDING_CODES@;

export interface Finding {
  path: string;        // JSON Pointer into the request
  code: FindingCode;   // stable, machine-readable
  message: string;     // Chinese
  message_en: string;  // English
  rule?: string;       // clause, e.g. "jiangxi-2023#4.1.1"
  detail?: string;     // a caveat's sources and confidence, shown folded below its message
  detail_en?: string;
}

export interface Interpretation {
  rule: string;
  message: string;
  message_en: string;
}

export interface Result {
  kind: string;
  ok: boolean;
  errors: Finding[];
  warnings: Finding[];
  interpretations?: Interpretation[];
  /** With a rules.not_loaded error: the provinces (ids) whose rules the request needs. */
  not_loaded?: string[];
  [field: string]: unknown;
}

/** What loadProvince() answers. */
export interface ProvinceLoad {
  province: string | null;
  ok: boolean;
  errors: Finding[];
}

export interface SubsidyLine {
  trainee: number;
  month: string;  // YYYY-MM
  item: 'position' | 'retention_uplift' | 'insurance' | 'remaining_period' | 'mentoring' | 'mentoring_fee' | 'social_insurance';
  base: number;    // a flat amount's line: the amount itself, at rate 1
  rate: number;
  amount: number;  // yuan, at most two decimals
  rule: string;
  note: string;
  note_en: string;
  months?: string[];
  /** Who receives it: the unit, or the trainee's own account (上海's living allowance, 新疆's subsidy, social insurance). */
  payee: Payee;
}

export type Payee = 'unit' | 'trainee';

/** A subsidy answer's sums (absent when the answer has errors): by item and by who receives it. */
export interface SubsidyTotals {
  total: number;
  by_item: Partial<Record<SubsidyLine['item'], number>>;
  by_payee: Partial<Record<Payee, number>>;
}

/** A vocabulary entry of the catalog: categories, education, region flags, items, wage bases. */
export interface Named<Id extends string = string> {
  id: Id;
  name: string;     // Chinese
  name_en: string;  // English
}

export type Category = 'college_graduate' | 'vocational_graduate' | 'unemployed_youth' | 'overseas_graduate';
export type Education = 'college' | 'technician_college' | 'vocational' | 'other';
export type RegionFlag = 'remote' | 'old_industrial' | 'poverty_county';
export type WageBasis = 'month' | 'start';
export type Confidence = 'high' | 'medium' | 'low' | 'missing';

export interface Message {
  message: string;
  message_en: string;
}

/** A text as written in rules/ ({zh, en}); the layouts below are passed on as written. */
export interface RuleText {
  zh: string;
  en: string;
}

/** Where a notice tells a unit to apply, and what it asks it to submit. */
export interface Channel {
  rule: string;
  zones: { name: RuleText; url: string | null; note?: RuleText; rule?: string }[];
  where: RuleText;
  documents: RuleText[];  // empty when the notice lists none
  documents_note?: RuleText;
}

/** Set on a provision known only from a secondary source (its rule may end in "#?"). */
export type ProvisionConfidence = 'medium' | 'low';

/** What every provision carries: the clause that states it, and how sure the rules are of it. */
export interface Provision {
  rule: string;                    // clause id, e.g. "shanxi-2022#3.2"; "…#?" when its text was not found
  confidence?: ProvisionConfidence;
  interpretation?: Message;        // how the core reads the clause
  note?: Message;
}

export interface CategoryProvision extends Provision {
  id: Category;
  admitted: boolean;
  only_with_region_flags?: RegionFlag[];
  min_age: number | null;
  max_age: number | null;
  requires_registration: boolean;
}

/** A band of the retention raise: above `above` (or at it, when inclusive) the rate is `rate`, plus step_rate per whole step. */
export interface RetentionBand {
  above: number;
  inclusive: boolean;
  rate?: number;    // absent for a flat band
  amount?: number;  // a flat monthly amount in yuan, with position.amounts
  step?: number;
  step_rate?: number;
}

export interface ReportingDeadline extends Provision {
  calendar_days: number | null;
  working_days: number | null;
  postpone_over_holidays: boolean;
}

/** A provision the notice is known to have whose text was not found. */
export interface UnknownProvision extends Message {
  section: '' | 'eligibility' | 'subsidy' | string;
  item: string;                    // e.g. "retention", "month_counting", "issued"
  rule: string;                    // "…#?"
}

/** Each notice's provisions as the typed rules hold them, for a side-by-side comparison. */
export interface Provisions {
  eligibility: {
    graduate: Provision & { years_since_leaving: number };
    categories: CategoryProvision[];
    internship_months?: Provision & { min: number; max: number; binding: boolean };
    once_per_person?: Provision;
    /** Present where the province's own text was not found: who may intern and for how long rest on the national documents. */
    national_basis?: { rule: string; note: { zh: string; en: string } };
  };
  month_counting?: Provision & {
    min_working_days: number;
    /** A part month counted as less than one: a share of a month (whole from a number of working days), or by the working day. */
    part_month?: { share?: number; whole_from_working_days?: number; working_days_per_month?: number };
  };
  subsidy: {
    position: Provision & {
      rates: Partial<Record<Category, number | null>>;  // null: the notice states no rate
      amounts?: Partial<Record<Category, number>>;      // flat yuan a month instead of a rate (广西, 重庆, 甘肃)
      unstated?: Message;
      wage_base: 'local' | 'province_tier_1';  // province_tier_1: the province's tier-1 wage whatever the place (内蒙古)
      max_months: number | null;                // at most this many months subsidised per intern (湖北 6)
      max_months_rule?: string;                 // the cap's clause, with max_months
      payee: Payee;                             // who receives the monthly subsidy
    };
    retention?: Provision & {
      bands: RetentionBand[]; payment: 'monthly' | 'after_end' | 'year_end' | 'next_year'; payment_stated?: false; model_unit_rule?: string;
      applies_to: 'all' | 'completed' | 'retained';  // whose months are raised
      retention_of?: 'previous_year';  // the unit's rate of the year before (given as retention_rate), not the interns'
    };
    insurance?: Provision & { method: 'actual_premium' | 'fixed_per_person' | 'government_purchase' | 'monthly_per_person'; amount?: number; cap?: number };  // cap: actual_premium's per-person maximum
    remaining_period?: Provision & {
      contract_signed_by: string | null; min_contract_years: number | null; min_served_months: number;
      requires_social_insurance: boolean; max_months: number | null;
    };
    mentoring?: Provision & {
      amount: number; retention_at_least: number; retention_inclusive: boolean; min_contract_years: number | null;
      requires_social_insurance: boolean;
    };
    mentoring_fee?: Provision & { rate?: number; amount?: number };  // each month to the unit: a rate of the minimum wage (上海 带教费) or a flat amount (天津)
    social_insurance?: Provision & { rate: number; min_served_months: number; max_months: number | null };
    absence?: Provision & { max_consecutive: number; max_total: number };
  };
  summary_table?: Provision & { template: string; deadline: ReportingDeadline | null; deadline_note?: Message };
  unknown: UnknownProvision[];
}

/** A notice before or after this one, and how they stand. */
export interface RelatedPolicy extends Message {
  policy: string;
  relation: 'follows' | 'followed_by' | 'unknown' | string;
}

/** A notice as the `policies` kind lists it. */
export interface PolicyBrief {
  id: string;             // e.g. "jilin-2022"
  province: string;       // e.g. "jilin"
  title: string;
  document: string | null;  // document number, e.g. "吉人社联〔2022〕79号"
  issued: string | null;    // YYYY-MM-DD; null when the issue date was not found
  effective_from: string;
  effective_to: string | null;
  known: 'complete' | 'partial' | 'named' | 'national';
}

/** A notice as the catalog lists it (the policies section, or a `province` or `policy` named). */
export interface CatalogPolicyHead {
  id: string;             // e.g. "jilin-2022"
  province: string;       // e.g. "jilin"
  province_zh: string;    // e.g. "吉林省"
  title: string;
  title_en: string;
  document: string | null;  // document number, e.g. "吉人社联〔2022〕79号"
  effective_from: string;
  effective_to: string | null;
  effective_from_confirmed?: false;  // present when the start date is not confirmed
  /** A city's notice: the divisions it answers for (a request's `place` inside one chooses it). */
  scope?: { code: string; name: string; name_en: string }[];
  /** complete: nothing listed as not found; named: only the notice is known; national: no
   * notice of the province was found and the national documents stand in; else partial. */
  known: 'complete' | 'partial' | 'named' | 'national';
}

/** A notice with the `provisions` section (asked for, or with `policy`). */
export interface CatalogPolicy extends CatalogPolicyHead {
  issued: string | null;    // YYYY-MM-DD; null when the issue date was not found
  effective_note?: Message;
  unknown?: { item: string; rule: string; message: string; message_en: string }[];
  channel?: Channel;        // absent for notices known only in part
  related?: RelatedPolicy[];
  national_only?: true;     // the national documents only: no notice of the province was found
  provisions: Provisions;
}

export interface Indicator {
  number: number;
  key: string;
  name: string;
  name_en: string;
  type: 'count' | 'money';
  year_to_date: boolean;
}

export interface Relation {
  printed: string;        // e.g. "8≥9+11"
  sides: number[][];      // each side the indicators summed, left ≥ right ≥ …
}

export interface SummaryTemplate {
  id: string;
  title: string;
  title_en: string;
  sources: string[];      // clauses that print the table
  money_decimals: number;
  indicators: Indicator[];
  relations_printed: string;
  relations: Relation[];
  units: string;          // the unit line, e.g. "单位：个、人、万元"
  units_en: string;
  layout?: SummaryLayout;
}

/** The annex's printed header: each cell covers indicators from..to and spans rows. */
export interface SummaryLayout {
  rule: string;
  interpretation?: RuleText;
  first_column: RuleText;
  header_rows: { from: number; to?: number; rows?: number; text: RuleText }[][];
  number_row?: boolean;
  above?: RuleText;
  footer?: RuleText;
}

/** How the application form prints as the notice's template. */
export interface ReportLayout {
  rule: string;
  title: RuleText;
  parts: { number: RuleText; title: RuleText; field?: string; list?: string; annex_table?: boolean }[];
  annex_table: {
    rule: string;
    label: RuleText;
    title: RuleText;
    rows: { label: RuleText; field?: string; text?: RuleText }[][];  // text: {section/field} filled, {} blank
    boxes: { label: RuleText; text: RuleText; signature: RuleText; date: RuleText; stamp: RuleText; office_use?: boolean }[];
  };
}

export interface FormField {
  key: string;
  label: string;
  label_en: string;
  format: 'text' | 'long_text' | 'credit_code' | 'phone' | 'count' | string;
  required: boolean;
  min?: number;
  rule?: string;
}

export interface FormSection {
  key: string;
  label: string;
  label_en: string;
  list: boolean;          // a list of rows (positions, mentors) or one group of fields
  required: boolean;
  min_items: number;
  rule?: string;
  fields: FormField[];
}

export interface Declaration {
  key: string;
  label: string;
  label_en: string;
}

export interface FormPolicy {
  rule: string;
  declarations_required: { key: string; rule: string }[];
  forbidden_requirements: { kind: string; label: string; label_en: string; rule: string }[];
}

export interface Form {
  id: string;             // "unit-application"
  title: string;
  title_en: string;
  rule: string;
  sections: FormSection[];
  declarations: Declaration[];
  policies: Record<string, FormPolicy>;
  report?: ReportLayout;
}

export interface CatalogFinding {
  code: FindingCode;
  message: string;        // template in Chinese
  message_en: string;     // template in English
  kinds: string[];        // request kinds that can emit it
}

/** What a reason of an eligibility answer, or a text of a subsidy line, means (its `code`); its templates are among the messages. */
export interface CatalogReason {
  code: string;
  message: string;
  message_en: string;
}

export interface CatalogProvince {
  id: string;             // e.g. "jilin"
  name: string;           // e.g. "吉林"
  name_en: string;        // e.g. "Jilin"
  code: string;           // GB/T 2260 province code, e.g. "220000"
  notices: number;        // how many notices the rules hold for it
  /** The most known of its notices (see CatalogPolicyHead.known); none without a notice. */
  known: 'complete' | 'partial' | 'named' | 'national' | 'none';
}

export interface Clause {
  id: string;             // e.g. "jilin-2022#3.1"
  heading: string;
  text: string;
  text_en: string;
}

/** A prefecture, county or named area of a province with its wage tier and figure on `as_of`. */
export interface Place {
  code: string | null;    // 6-digit GB/T 2260 code; null for a named area the table lists by name only
  name: string;
  full_name: string;
  level: 'prefecture' | 'county' | 'named_area';
  parent?: string;        // a county's prefecture code
  zone?: boolean;         // a development zone listed among the counties
  tier: number | null;
  as_written: string;     // the area as the wage table writes it
  min_wage: number | null;  // yuan a month; null when the figure is not confirmed
  effective: string | null; // the adjustment in force on as_of
  confidence: Confidence;   // the figure's or the tier's area list's, whichever is lower
}

/** The parts of the catalog answered only when named in `sections` (the answer lists them). */
/** A finding's message template: `{slot}` names a value filled in; `{{` and `}}` are braces. */
export interface CatalogMessage {
  code: FindingCode;
  variant?: string;  // where a code has several templates
  message: string;
  message_en: string;
}

export type CatalogSection = 'policies' | 'vocabulary' | 'provisions' | 'clauses' | 'templates' | 'forms' | 'findings' | 'messages';

/**
 * `{"kind":"catalog"}` answers the index (kinds, provinces with their notice count and
 * known level, limits, version); `sections` adds named parts (`policies`: every notice's
 * head); with `policy` it narrows to one notice (sections default to provisions and
 * clauses; clauses need a policy); with `province` it lists that province's notices (the
 * provisions section needs a policy or a province), and with `as_of` also its places.
 */
export interface CatalogRequest {
  kind: 'catalog';
  sections?: CatalogSection[];
  policy?: string;
  province?: string;
  as_of?: string;
}

/** `{"kind":"policies"}`: every notice, briefly. */
export interface Policies extends Result {
  kind: 'policies';
  policies: PolicyBrief[];
}

export interface Catalog extends Result {
  kind: 'catalog';
  rules_version: string;
  sections: CatalogSection[];  // every section a request may name
  kinds: string[];             // the request kinds
  /** With the policies section, a `province` or a `policy`; CatalogPolicy with the provisions section. */
  policies?: (CatalogPolicyHead | CatalogPolicy)[];
  categories?: Named<Category>[];  // this and the next five with the vocabulary section
  education?: Named<Education>[];
  region_flags?: Named<RegionFlag>[];
  items?: Named<SubsidyLine['item']>[];
  wage_basis?: Named<WageBasis>[];
  request_fields?: Named<string>[];  // labels of request fields that findings name
  templates?: SummaryTemplate[];  // with the templates section
  forms?: Form[];                 // with the forms section
  findings?: CatalogFinding[];    // with the findings section
  reasons?: CatalogReason[];      // with the findings section
  texts?: CatalogReason[];        // with the findings section: the other words of answers (line notes, wage sources, …)
  messages?: CatalogMessage[];    // with the messages section
  provinces: CatalogProvince[];
  divisions_dataset: { package: string; version: string; data: string; data_en: string; generated_by: string };
  clauses?: Clause[];     // with `policy` (the clauses section)
  as_of?: string;         // with `province` and `as_of`
  places?: Place[];       // with `province` and `as_of`
}

export interface MinWageSource {
  province: string;
  effective: string;
  date_confirmed: boolean;
  tier?: number;      // absent for a city with its own minimum wage (深圳)
  city?: string;      // that city, as written (深圳市)
  city_en?: string;   // and in English (Shenzhen)
  amount: number;
  confidence: Confidence;
  source: string;
}

export interface Jianxi {
  /** Result JSON text for a request (or batch array) given as JSON text. */
  evaluateText(requestText: string): string;
  /** Result object for a request object (or array of them). */
  evaluate(request: CatalogRequest): Catalog;
  evaluate(request: { kind: 'policies' }): Policies;
  evaluate(request: object): Result | Result[];
  /**
   * A summary table given as columns (the portal's import): `request` without its
   * reports (kind, template, policy …), one period (and unit) per report, and the values
   * row-major, `indicators` per report, NaN for an empty cell. The answer equals
   * evaluate() of the same table written as JSON (an empty unit or submission date
   * is left out).
   */
  evaluateTable(request: object, table: TableColumns): Result;
  /** evaluateTable() as result JSON text (for a worker that passes the answer on as text). */
  evaluateTableText(request: object, table: TableColumns): string;
  /**
   * evaluateText(), evaluate(), evaluateTableText() and evaluateTable() answer at once:
   * a request for a province whose rules are not loaded yet gets the error
   * rules.not_loaded and `not_loaded` naming it, never a figure. The async forms load
   * the provinces a request needs (fetched once, then kept) and answer as the
   * synchronous ones do once they are loaded.
   */
  evaluateTextAsync(requestText: string): Promise<string>;
  evaluateAsync(request: CatalogRequest): Promise<Catalog>;
  evaluateAsync(request: { kind: 'policies' }): Promise<Policies>;
  evaluateAsync(request: object): Promise<Result | Result[]>;
  evaluateTableTextAsync(request: object, table: TableColumns): Promise<string>;
  evaluateTableAsync(request: object, table: TableColumns): Promise<Result>;
  /** Fetches and takes in one province's rules (by id, as the catalog's provinces list them). */
  loadProvince(id: string): Promise<ProvinceLoad>;
  /** The provinces whose rules come as files of their own, whether each is loaded, and its notices' ids. */
  provinces(): { id: string; loaded: boolean; policies: string[] }[];
  version(): string;
  /**
   * The module's memory in bytes; it only grows, so after a request it is the high-water
   * mark (until memory runs out: the fresh instance that takes over starts small).
   */
  memoryBytes(): number;
}

export interface TableColumns {
  periods: string[];
  units?: string[];
  submitted?: string[];  // submission dates YYYY-MM-DD, for the deadline check
  values: Float64Array | number[];
  indicators: number;
}

export interface LoadOptions {
  /** The .wasm bytes, for Node (Emscripten 3.1.6 cannot fetch a file path there). */
  wasmBinary?: ArrayBuffer | Uint8Array;
  locateFile?: (path: string, prefix: string) => string;
  /** Provinces to load before resolving: 'all', or ids. Default: 'all' in Node, none in browsers. */
  provinces?: 'all' | string[];
  /** Reads a province's rules file; default: provinces/<id>.json beside jianxi.js (read in Node, fetched in browsers). */
  provinceFile?: (id: string) => Promise<Uint8Array | ArrayBuffer | string>;
  /** Told of each province whose rules loaded, whichever call asked for it (a page says which provinces work offline). */
  onProvinceLoaded?: (id: string) => void;
}

export function loadJianxi(options?: LoadOptions): Promise<Jianxi>;
