/** Small cases for the language tests: valid.md with another Ärende text (line 33) or decision point (line 11). */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { readCase } from '../../../src/case/read.js';
import type { Diagnostic } from '../../../src/diagnostics.js';
import { languageRuleIds } from '../../../src/language/analyze.js';
import type { Profile } from '../../../src/profile/model.js';
import { fixture, linkoping } from '../case/helpers.js';

const valid = readFileSync(fixture('valid.md'), 'utf8');
const arende = 'Riktlinjerna för hemtjänst behöver uppdateras.';
const decision = '  - Social- och omsorgsnämnden antar riktlinjer för hemtjänst enligt bilaga 1.';

/** The case text with `text` as the first paragraph of Ärende (starting at 33:1) and optional decision points. */
export function memoText(text: string, points?: string[]): string {
  expect(valid).toContain(arende);
  let source = valid.replace(arende, text);
  if (points) source = source.replace(decision, points.map((p) => `  - ${p}`).join('\n'));
  return source;
}

/** The language diagnostics of such a case. */
export function language(text: string, points?: string[], profile: Profile = linkoping): Diagnostic[] {
  return readCase(memoText(text, points), 'x.md', profile).diagnostics.filter((d) =>
    (languageRuleIds as readonly string[]).includes(d.rule),
  );
}

/** "rule@line:column" of the given rule's diagnostics. */
export const at = (diagnostics: readonly Diagnostic[], rule: string) =>
  diagnostics
    .filter((d) => d.rule === rule)
    .map((d) => `${d.rule}@${d.position?.line}:${d.position?.column}`);
