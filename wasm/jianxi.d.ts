// Types of the Jianxi module's JavaScript API (hand-written: Emscripten 3.1.6 has no --emit-tsd).

export interface Finding {
  path: string;        // JSON Pointer into the request
  code: string;        // stable, machine-readable
  message: string;     // Chinese
  message_en: string;  // English
  rule?: string;       // clause, e.g. "jiangxi-2023#4.1.1"
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
  [field: string]: unknown;
}

export interface SubsidyLine {
  trainee: number;
  month: string;  // YYYY-MM
  item: 'position' | 'retention_uplift' | 'insurance' | 'remaining_period' | 'mentoring' | 'social_insurance';
  base: number;
  rate: number;
  amount: number;  // yuan, at most two decimals
  rule: string;
  note: string;
  note_en: string;
  months?: string[];
}

export interface Jianxi {
  /** Result JSON text for a request (or batch array) given as JSON text. */
  evaluateText(requestText: string): string;
  /** Result object for a request object (or array of them). */
  evaluate(request: object): Result | Result[];
  version(): string;
  /** The module's memory in bytes; it only grows, so after a request it is the high-water mark. */
  memoryBytes(): number;
}

export interface LoadOptions {
  /** The .wasm bytes, for Node (Emscripten 3.1.6 cannot fetch a file path there). */
  wasmBinary?: ArrayBuffer | Uint8Array;
  locateFile?: (path: string, prefix: string) => string;
}

export function loadJianxi(options?: LoadOptions): Promise<Jianxi>;
