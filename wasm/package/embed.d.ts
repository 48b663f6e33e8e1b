// Types of the embedding layer (jianxi-core/embed): the rule core's checks inside a
// portal's own form and table, and its custom elements. Browser only.
import type { Finding, Jianxi, LoadOptions, Result } from '../jianxi.js';

/** A portal input: a selector, an id or a name inside the form, or that with the value's type. */
export type FieldRef = string | { selector: string; type?: 'text' | 'number' | 'date' | 'boolean' };

export interface AttachOptions {
  kind: string;                      // e.g. 'unit_application'
  policy?: string;                   // the notice, e.g. 'jiangxi-2023'
  province?: string;                 // or the province (with asOf or a mapped /as_of)
  asOf?: string;
  /** Request path (JSON Pointer) → the portal's input; a function is asked again at every check. */
  fields: Record<string, FieldRef> | (() => Record<string, FieldRef>);
  /** Where findings without a field of their own are listed: a <jianxi-findings>, or an element to hold one. */
  summary?: string | Element;
  /** Mark and announce, but never hold the submission. */
  warnOnly?: boolean;
  /** Fixed parts of the request the form has no input for. */
  request?: object;
  /** Milliseconds between checks while typing (200). */
  throttle?: number;
  /** Check and show every finding at once (a form loaded with saved values). */
  checkNow?: boolean;
}

export interface ShownFinding extends Finding {
  severity: 'error' | 'warning';
  field: Element | null;             // the portal's input it was marked on
  shown: boolean;                    // marked now (fields are marked once edited, all after a submit)
}

/** The detail of the `jianxi-findings` event the form emits after every check. */
export interface FindingsDetail {
  request: object;
  result: Result;
  ok: boolean;
  errors: Finding[];
  warnings: Finding[];
  findings: ShownFinding[];
  submitted: boolean;
}

export interface Attached {
  ready: Promise<void>;
  check(): Promise<Result>;
  checkAll(): Promise<Result>;
  readonly result: Result | null;
  readonly request: object | null;
  detach(): void;
}

export function attach(form: HTMLFormElement | string, options: AttachOptions): Attached;

export interface TableFinding extends Finding {
  severity: 'error' | 'warning';
  row: number | null;                // in the rows given, 0-based, header rows counted
  column: number | null;
  cells: { row: number; column: number }[];  // a failing relation: every cell of both sides
  relation: boolean;
  elements?: Element[];              // for a <table>: the cells
  target?: Element | null;
}

export interface TableAnswer {
  ok: boolean;
  result: Result | null;
  findings: TableFinding[];
  columns?: (string | null)[];       // what each column was read as: period, submitted_on, unit, an indicator number
  reports?: number;
}

export function checkTable(
  source: File | Blob | unknown[][] | HTMLTableElement,
  options: { template: string; province?: string; policy?: string; columns?: Record<number, string>; ExcelJS?: unknown },
): Promise<TableAnswer>;

/** Marks a checkTable answer on the portal's <table>; returns the function that removes the marks. */
export function markTable(table: HTMLTableElement, answer: TableAnswer, options?: { summary?: string | Element }): () => void;

/**
 * Options for loading the core, before the first check; or `core`, the promise of a core
 * the page has loaded already (loadJianxi's answer), so that the page holds one module.
 */
export function configureEngine(options: LoadOptions & { core?: Promise<Jianxi> }): void;

/** Registers <jianxi-findings>, <jianxi-estimate> and <jianxi-eligibility> (done on import). */
export function define(): void;
