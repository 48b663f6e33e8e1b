// The embedding layer's entry: attach the core's checks to a portal's own form, check
// a monthly table, and the custom elements (registered on import).
import { define } from './elements.js';

export { attach } from './attach.js';
export { checkTable } from './check-table.js';
export { markTable } from './mark-table.js';
export { configureEngine } from './engine.js';
export { define };

define();
