/**
 * Golden test of the DOCX backend: the XML parts of the seed-001 DOCX, pretty-printed, against the
 * files beside this test. A diff names the part that changed. Update with `npm run golden`
 * (UPDATE_GOLDEN=1), and only when the change is intended.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import { renderDocx } from '../../../src/backends/docx/index.js';
import { seed001Doc } from '../../fixtures/doc/seed001-doc.js';
import { prettyXml, readParts } from '../../unit/docx/helpers/parts.js';

const goldenDir = join(dirname(fileURLToPath(import.meta.url)), 'seed001');
const update = process.env.UPDATE_GOLDEN === '1';
const goldenParts = [
  'docProps/core.xml',
  'word/_rels/fontTable.xml.rels',
  'word/document.xml',
  'word/fontTable.xml',
  'word/footer1.xml',
  'word/footer2.xml',
  'word/header1.xml',
  'word/header2.xml',
  'word/numbering.xml',
  'word/settings.xml',
  'word/styles.xml',
];
const compared =
  /^(word\/(document|styles|numbering|settings|fontTable|header\d+|footer\d+)\.xml|word\/_rels\/fontTable\.xml\.rels|docProps\/core\.xml)$/;

describe('DOCX golden: seed 001', () => {
  let parts: Map<string, string>;
  beforeAll(async () => {
    parts = await readParts(await renderDocx(seed001Doc()));
  });

  test('the compared parts are the expected set', () => {
    expect([...parts.keys()].filter((p) => compared.test(p))).toEqual(goldenParts);
  });

  for (const name of goldenParts) {
    test(name, () => {
      const actual = prettyXml(parts.get(name)!);
      const file = join(goldenDir, name);
      if (update) {
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, actual);
      }
      expect(existsSync(file), `${file} saknas: kör npm run golden`).toBe(true);
      expect(actual).toBe(readFileSync(file, 'utf8'));
    });
  }
});
