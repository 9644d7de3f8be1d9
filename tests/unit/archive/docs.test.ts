/** docs/arkivering.md documents every rule id verifiera can report (archive rules and preflight), and no others. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { preflightRuleIds } from '../../../src/archive/preflight.js';
import { archiveRuleIds } from '../../../src/archive/verify.js';

const doc = readFileSync(new URL('../../../docs/arkivering.md', import.meta.url), 'utf8');

describe('docs/arkivering.md', () => {
  it('has a table row for every rule id', () => {
    const documented = [...doc.matchAll(/^\| `([a-z]+-[a-z-]+)` \|/gm)].map((m) => m[1]!);
    expect([...new Set(documented)].sort()).toEqual([...archiveRuleIds, ...preflightRuleIds].sort());
  });
});
