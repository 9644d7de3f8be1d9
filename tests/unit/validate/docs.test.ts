/** docs/ärendeformat.md stays in step with the code: every rule id (check and build) documented, the full example valid. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildRules } from '../../../src/build/rules.js';
import { readCase, readCaseFile } from '../../../src/case/read.js';
import { readerRules } from '../../../src/case/reader-rules.js';
import { rules } from '../../../src/validate/index.js';
import { fixture, fixtureDir, linkoping } from '../case/helpers.js';

const doc = readFileSync(new URL('../../../docs/ärendeformat.md', import.meta.url), 'utf8');
const allRules = { ...readerRules, ...rules, ...buildRules };
const allIds = Object.keys(allRules);

describe('docs/ärendeformat.md', () => {
  it('documents every rule id with its severity, and no others', () => {
    const documented = new Map(
      [...doc.matchAll(/^\| `([a-z-]+)` \| (fel|varning|info) \|/gm)].map((m) => [m[1]!, m[2]!]),
    );
    expect([...documented.keys()].sort()).toEqual([...allIds].sort());
    for (const [id, rule] of Object.entries(allRules)) {
      expect(documented.get(id), id).toBe(rule.severity);
    }
  });

  it('the full example is a valid case', () => {
    const example = /## Ett fullständigt exempel[\s\S]*?```markdown\n([\s\S]*?)```/.exec(doc)![1]!;
    const result = readCase(example, 'exempel.md', linkoping);
    expect(result.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(result.case).toBeDefined();
  });

  it('every rule id reported for the fixtures is a known id', () => {
    for (const name of readdirSync(fixtureDir).filter((f) => f.endsWith('.md'))) {
      for (const d of readCaseFile(fixture(name), linkoping).diagnostics)
        expect(allIds, name).toContain(d.rule);
    }
  });
});
