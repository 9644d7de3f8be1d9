/** Shared helpers for case-reader tests: profiles, fixture paths, compact diagnostic views. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../../../src/diagnostics.js';
import { languageRuleIds } from '../../../src/language/analyze.js';
import { loadProfile } from '../../../src/profile/load.js';

export const fixtureDir = fileURLToPath(new URL('../../fixtures/case/', import.meta.url));
export const fixture = (name: string) => `${fixtureDir}${name}`;
export const fixtureBytes = (name: string) => new Uint8Array(readFileSync(fixture(name)));

export const linkoping = loadProfile();
export const exempel = loadProfile(
  fileURLToPath(new URL('../../../templates/profiler/exempelkommun.yaml', import.meta.url)),
);

/** "rule@line:column" for each diagnostic of the given severities, in output order. */
export function brief(diagnostics: readonly Diagnostic[], severities = ['fel', 'varning']): string[] {
  return diagnostics
    .filter((d) => severities.includes(d.severity))
    .map((d) => `${d.rule}@${d.position ? `${d.position.line}:${d.position.column}` : '-'}`);
}

/** Without the klarspråk findings: for tests about something else that read a transcribed case (real text). */
export const withoutLanguage = (diagnostics: readonly Diagnostic[]): Diagnostic[] =>
  diagnostics.filter((d) => !(languageRuleIds as readonly string[]).includes(d.rule));
