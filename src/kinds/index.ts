/** The document kinds: one line each. A kind is its definition (src/kinds/<kind>.ts) and its template folder. */
import type { KindDefinition } from './kind.js';
import { rapport } from './rapport.js';
import { tjansteskrivelse } from './tjansteskrivelse.js';

export type { KindDefinition } from './kind.js';

export const kinds: readonly KindDefinition[] = [tjansteskrivelse, rapport];

export const defaultKind = tjansteskrivelse;

/** The kind `mall:` names (as written, any case, with or without å ä ö), or undefined. */
export function kindNamed(name: string): KindDefinition | undefined {
  const key = fold(name);
  return kinds.find((k) => fold(k.name) === key);
}

function fold(name: string): string {
  return name
    .trim()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/** "Tillgängliga mallar: tjänsteskrivelse, rapport." for hints. */
export function availableKindsHint(): string {
  return `Tillgängliga mallar: ${kinds.map((k) => k.name).join(', ')}.`;
}
