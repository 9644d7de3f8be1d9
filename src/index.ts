/** Library API of skrivelse; the CLI in src/cli is a thin layer over these. */

export type { Case } from './case/model.js';
export type { Diagnostic, Position, Severity } from './diagnostics.js';
export type { Doc } from './doc/model.js';
export type { Profile } from './profile/model.js';
