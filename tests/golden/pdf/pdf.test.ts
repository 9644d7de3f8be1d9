/**
 * Golden images: pages of seed 001 rasterised by pdftoppm at 50 dpi, compared with tests/golden/pdf/*.png
 * within a small pixel tolerance. Refresh with UPDATE_GOLDEN=1 after a deliberate change of the look.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, test } from 'vitest';
import { renderPdf } from '../../../src/backends/pdf/index.js';
import { readCaseFile } from '../../../src/case/read.js';
import { loadProfile } from '../../../src/profile/load.js';
import { renderDoc } from '../../../src/render/index.js';
import { seed001Doc } from '../../fixtures/doc/seed001-doc.js';
import { run, tempPdf } from '../../helpers/pdf.js';

const GOLDEN_DIR = dirname(fileURLToPath(import.meta.url));
/** Share of pixels allowed to differ (anti-aliasing between poppler versions). */
const TOLERANCE = 0.005;

function rasterise(pdfPath: string, page: number): PNG {
  const prefix = pdfPath.replace(/\.pdf$/, `-p${page}`);
  run('pdftoppm', [
    '-r',
    '50',
    '-gray',
    '-f',
    String(page),
    '-l',
    String(page),
    '-png',
    '-singlefile',
    pdfPath,
    prefix,
  ]);
  return PNG.sync.read(readFileSync(`${prefix}.png`));
}

/** The page matches the recorded image `name` within the tolerance (or is recorded, with UPDATE_GOLDEN=1). */
function expectGolden(actual: PNG, name: string): void {
  const goldenPath = join(GOLDEN_DIR, name);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(GOLDEN_DIR, { recursive: true });
    writeFileSync(goldenPath, PNG.sync.write(actual, { colorType: 0 }));
  }
  expect(existsSync(goldenPath), `${goldenPath} saknas: kör med UPDATE_GOLDEN=1`).toBe(true);
  const golden = PNG.sync.read(readFileSync(goldenPath));
  expect([actual.width, actual.height]).toEqual([golden.width, golden.height]);
  const differing = pixelmatch(actual.data, golden.data, undefined, actual.width, actual.height, {
    threshold: 0.1,
  });
  expect(differing / (actual.width * actual.height)).toBeLessThan(TOLERANCE);
}

describe('golden images of seed 001', () => {
  let path: string;
  beforeAll(async () => {
    path = tempPdf(await renderPdf(seed001Doc()), 'golden');
  });

  for (const page of [1, 2]) {
    test(`page ${page} looks as recorded`, () => {
      expectGolden(rasterise(path, page), `seed001-p${page}.png`);
    });
  }

  test('the comparison notices a different page', () => {
    const first = rasterise(path, 1);
    const second = PNG.sync.read(readFileSync(join(GOLDEN_DIR, 'seed001-p2.png')));
    const differing = pixelmatch(first.data, second.data, undefined, first.width, first.height, {
      threshold: 0.1,
    });
    expect(differing / (first.width * first.height)).toBeGreaterThan(TOLERANCE);
  });
});

/**
 * The library case: a nested list, a cost table and a footnote (page 2), the endnote after the signature
 * and recipients (page 3).
 */
describe('golden images of the library case', () => {
  let path: string;
  beforeAll(async () => {
    const read = readCaseFile('cases/kfn-2025-41-oppettider-stadsbiblioteket.md', loadProfile());
    path = tempPdf(await renderPdf(renderDoc(read.case!, loadProfile())), 'golden-kfn');
  });
  for (const page of [2, 3]) {
    test(`page ${page} looks as recorded`, () => {
      expectGolden(rasterise(path, page), `kfn-p${page}.png`);
    });
  }
});
