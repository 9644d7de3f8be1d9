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

describe('golden images of seed 001', () => {
  let path: string;
  beforeAll(async () => {
    path = tempPdf(await renderPdf(seed001Doc()), 'golden');
  });

  for (const page of [1, 2]) {
    test(`page ${page} looks as recorded`, () => {
      const actual = rasterise(path, page);
      const goldenPath = join(GOLDEN_DIR, `seed001-p${page}.png`);
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
