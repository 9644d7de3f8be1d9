/**
 * Figures in the PDF: each distinct image embedded once, drawn at its size by typo.figure inside a Figure
 * element with /Alt and a layout /BBox, transparency blended onto white (no soft mask), never split across
 * pages, and byte-identical output. Read back with poppler (pdfimages, pdftotext -bbox), pdf.js (operators,
 * structure tree) and qpdf (objects, --check), not with our writer.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, test } from 'vitest';
import { renderPdf } from '../../../src/backends/pdf/index.js';
import type { Block, Doc } from '../../../src/doc/model.js';
import { figure as figureStyle, PT_PER_MM, text as textStyle } from '../../../src/doc/typography.js';
import { figure, imagePath, PDF_IMAGES, type PdfImageName } from '../../fixtures/images/pdf-images.js';
import { docWith, fillers, para, text } from '../../fixtures/pdf/docs.js';
import {
  openWithPdfjs,
  pageCount,
  pdftotext,
  qpdfCheck,
  run,
  tempPdf,
  wordBoxes,
} from '../../helpers/pdf.js';

const PT_PER_PX = 72 / figureStyle.pxPerInch;
/** seed 001's page: A4, margins 20 / 22 / 22 / 25 mm. */
const LEFT_PT = 25 * PT_PER_MM;
const TEXT_WIDTH_PT = (210 - 25 - 22) * PT_PER_MM;

/** A row of `pdfimages -list`: one per image drawn. */
interface ImageRow {
  page: number;
  type: string;
  width: number;
  height: number;
  color: string;
  bpc: number;
  enc: string;
  interp: string;
  object: number;
  xPpi: number;
  yPpi: number;
}

function pdfimagesList(path: string): ImageRow[] {
  return run('pdfimages', ['-list', path])
    .split('\n')
    .slice(2)
    .filter((l) => l.trim())
    .map((line) => {
      const f = line.trim().split(/\s+/);
      return {
        page: Number(f[0]),
        type: f[2]!,
        width: Number(f[3]),
        height: Number(f[4]),
        color: f[5]!,
        bpc: Number(f[7]),
        enc: f[8]!,
        interp: f[9]!,
        object: Number(f[10]),
        xPpi: Number(f[12]),
        yPpi: Number(f[13]),
      };
    });
}

/** Where pdf.js sees each image painted: the cm before it (x, y from the bottom left, w, h in points). */
interface Painted {
  page: number;
  x: number;
  y: number;
  w: number;
  h: number;
}

async function paintedImages(bytes: Uint8Array): Promise<Painted[]> {
  const { OPS } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const pdf = await openWithPdfjs(bytes);
  const painted: Painted[] = [];
  try {
    for (let n = 1; n <= pdf.numPages; n++) {
      const list = await (await pdf.getPage(n)).getOperatorList();
      let transform: number[] = [];
      list.fnArray.forEach((fn, i) => {
        if (fn === OPS.transform) transform = list.argsArray[i] as number[];
        if (fn === OPS.paintImageXObject) {
          const [w, b, c, h, x, y] = transform as [number, number, number, number, number, number];
          expect([b, c]).toEqual([0, 0]);
          painted.push({ page: n, x, y, w, h });
        }
      });
    }
  } finally {
    await pdf.destroy();
  }
  return painted;
}

interface StructNodeJs {
  role?: string;
  alt?: string;
  children?: StructNodeJs[];
}

async function figuresInStructTree(bytes: Uint8Array): Promise<{ page: number; alt?: string }[]> {
  const pdf = await openWithPdfjs(bytes);
  const found: { page: number; alt?: string }[] = [];
  const walk = (node: StructNodeJs, page: number) => {
    if (node.role === 'Figure') found.push({ page, alt: node.alt });
    for (const child of node.children ?? []) walk(child, page);
  };
  try {
    for (let n = 1; n <= pdf.numPages; n++)
      walk(((await (await pdf.getPage(n)).getStructTree()) ?? {}) as StructNodeJs, n);
  } finally {
    await pdf.destroy();
  }
  return found;
}

type QpdfObjects = Record<
  string,
  { value?: Record<string, unknown>; stream?: { dict: Record<string, unknown> } }
>;

function qpdfObjects(path: string, extra: string[] = []): QpdfObjects {
  return (
    JSON.parse(run('qpdf', ['--json=2', '--json-key=qpdf', ...extra, path])) as {
      qpdf: [unknown, QpdfObjects];
    }
  ).qpdf[1];
}

/** The decoded pixels (RGBA) of every image `pdfimages -png` extracts, in `-list` order. */
function extractedPixels(path: string): PNG[] {
  const dir = join(path, '..');
  const prefix = `${path.replace(/\.pdf$/, '')}-img`;
  run('pdfimages', ['-png', path, prefix]);
  return readdirSync(dir)
    .filter((f) => join(dir, f).startsWith(`${prefix}-`))
    .sort()
    .map((f) => PNG.sync.read(readFileSync(join(dir, f))));
}

const pixel = (png: PNG, x: number, y: number) => [
  ...png.data.subarray((y * png.width + x) * 4, (y * png.width + x) * 4 + 3),
];

const KINDS: PdfImageName[] = [
  'pdf-rgb.png',
  'pdf-rgba.png',
  'pdf-palette.png',
  'pdf-gray.png',
  'pdf-gray-alpha.png',
  'pdf-rgb16.png',
  'pdf-photo.jpg',
];

/** Every kind of image after a paragraph of its own, and the first one shown again at the end. */
function everyKindDoc(): Doc {
  const blocks: Block[] = [...KINDS, KINDS[0]!].flatMap((name, i) => [
    para(text(`Bild nummer ${i + 1} följer.`)),
    figure(name, `Bild ${i + 1}: ${name} – ”åäö” (test) \\ slut`),
  ]);
  return docWith(blocks);
}

describe('figures of every kind', () => {
  let bytes: Uint8Array;
  let path: string;
  let rows: ImageRow[];
  beforeAll(async () => {
    bytes = await renderPdf(everyKindDoc());
    path = tempPdf(bytes, 'figures');
    rows = pdfimagesList(path);
  });

  test('pdfimages: one row per figure, the pixel size of its file, one object per distinct image', () => {
    const shown = [...KINDS, KINDS[0]!];
    expect(rows.map((r) => [r.width, r.height])).toEqual(shown.map((n) => [...PDF_IMAGES[n]]));
    expect(rows.every((r) => r.type === 'image')).toBe(true);
    // No soft masks (they would be rows of type smask) and nothing interpolated.
    expect(rows.every((r) => r.interp === 'no')).toBe(true);
    expect(new Set(rows.map((r) => r.object)).size).toBe(KINDS.length);
    expect(rows.at(-1)!.object).toBe(rows[0]!.object);
  });

  test('pdfimages: colour kept as grey or RGB, 8 bits, JPEG passed through as DCT', () => {
    expect(rows.map((r) => `${r.color}/${r.bpc}/${r.enc}`)).toEqual([
      'rgb/8/image',
      'rgb/8/image',
      'rgb/8/image',
      'gray/8/image',
      'gray/8/image',
      'rgb/8/image',
      'rgb/8/jpeg',
      'rgb/8/image',
    ]);
    const jpeg = Object.values(qpdfObjects(path, ['--json-stream-data=inline', '--decode-level=none'])).find(
      (o) => o.stream?.dict['/Filter'] === '/DCTDecode',
    ) as { stream: { data: string } } | undefined;
    // The JPEG file's bytes, unchanged.
    expect(Buffer.from(jpeg!.stream.data, 'base64').equals(readFileSync(imagePath('pdf-photo.jpg')))).toBe(
      true,
    );
  });

  test('pdfimages -list and pdf.js: drawn at 96 px per inch from the left text edge', async () => {
    expect(rows.every((r) => Math.abs(r.xPpi - 96) <= 1 && Math.abs(r.yPpi - 96) <= 1)).toBe(true);
    const painted = await paintedImages(bytes);
    expect(painted).toHaveLength(rows.length);
    painted.forEach((p, i) => {
      expect(p.x).toBeCloseTo(LEFT_PT, 2);
      expect(p.w).toBeCloseTo(rows[i]!.width * PT_PER_PX, 2);
      expect(p.h).toBeCloseTo(rows[i]!.height * PT_PER_PX, 2);
    });
  });

  test('pdf.js: a Figure per image in the structure tree, with its alt text', async () => {
    const figures = await figuresInStructTree(bytes);
    expect(figures.map((f) => f.alt)).toEqual(
      [...KINDS, KINDS[0]!].map((n, i) => `Bild ${i + 1}: ${n} – ”åäö” (test) \\ slut`),
    );
  });

  test('qpdf: each Figure has /Alt as text and /A << /O /Layout /BBox >> the box the image is drawn in', async () => {
    const objects = qpdfObjects(path);
    const figures = Object.values(objects)
      .map((o) => o.value)
      .filter((v) => v?.['/S'] === '/Figure');
    const painted = await paintedImages(bytes);
    // Elements in object order are the figures in document order (the writer allocates them so).
    expect(figures).toHaveLength(painted.length);
    figures.forEach((f, i) => {
      expect(String(f!['/Alt'])).toMatch(/^u:Bild \d: /);
      const a = f!['/A'] as { '/O': string; '/BBox': number[] };
      expect(a['/O']).toBe('/Layout');
      const { x, y, w, h } = painted[i]!;
      a['/BBox'].forEach((v, k) => {
        expect(v).toBeCloseTo([x, y, x + w, y + h][k]!, 2);
      });
    });
  });

  test('pdf.js: every image is painted inside marked content', async () => {
    const { OPS } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const pdf = await openWithPdfjs(bytes);
    try {
      for (let n = 1; n <= pdf.numPages; n++) {
        const list = await (await pdf.getPage(n)).getOperatorList();
        let open: string[] = [];
        list.fnArray.forEach((fn, i) => {
          if (fn === OPS.beginMarkedContentProps) open = [...open, String(list.argsArray[i]![0])];
          if (fn === OPS.endMarkedContent) open = open.slice(0, -1);
          if (fn === OPS.paintImageXObject) expect(open).toEqual(['Figure']);
        });
      }
    } finally {
      await pdf.destroy();
    }
  });

  test('transparent pixels are blended onto white; 16-bit samples keep their high byte', () => {
    const [, rgba, palette, , grayAlpha, rgb16] = extractedPixels(path);
    // Alpha 0, 128 and 255 red, then opaque blue.
    expect([0, 20, 40, 60].map((x) => pixel(rgba!, x, 5))).toEqual([
      [255, 255, 255],
      [255, 127, 127],
      [255, 0, 0],
      [0, 0, 255],
    ]);
    // Palette index 0 is transparent (tRNS): white; the others as in PLTE.
    expect([pixel(palette!, 0, 0), pixel(palette!, 20, 2), pixel(palette!, 20, 12)]).toEqual([
      [255, 255, 255],
      [0, 160, 0],
      [0, 0, 0],
    ]);
    expect([pixel(grayAlpha!, 0, 0), pixel(grayAlpha!, 15, 0)]).toEqual([
      [255, 255, 255],
      [0, 0, 0],
    ]);
    expect(pixel(rgb16!, 3, 3)).toEqual([0x12, 0x80, 0xf0]);
  });

  test('no soft mask, transparency group or /Interpolate anywhere', () => {
    const dicts = Object.values(qpdfObjects(path)).map((o) => o.value ?? o.stream?.dict ?? {});
    for (const d of dicts) {
      expect(d).not.toHaveProperty(['/SMask']);
      expect(d).not.toHaveProperty(['/Group']);
      expect(d).not.toHaveProperty(['/Interpolate']);
    }
  });

  test('qpdf --check is clean', () => {
    const { status, output } = qpdfCheck(path);
    expect(status, output).toBe(0);
  });

  test('two renders are byte-identical', async () => {
    expect(Buffer.from(await renderPdf(everyKindDoc())).equals(Buffer.from(bytes))).toBe(true);
  });

  test('the same image gives the same stream bytes in another document', async () => {
    const other = tempPdf(
      await renderPdf(
        docWith([para(text('Ett helt annat dokument.')), figure('pdf-rgba.png', 'Annan text')]),
      ),
    );
    const streams = (file: string) =>
      Object.values(qpdfObjects(file, ['--json-stream-data=inline', '--decode-level=none']))
        .filter((o) => o.stream?.dict['/Subtype'] === '/Image')
        .map((o) => ({ dict: o.stream!.dict, data: (o.stream as { data?: string }).data }));
    const [mine] = streams(other);
    const theirs = streams(path).filter((s) => s.data === mine!.data);
    expect(theirs).toHaveLength(1);
    expect(theirs[0]!.dict).toEqual(mine!.dict);
  });
});

describe('figure size and placement', () => {
  test('an image wider than the column is scaled to the column width, its ratio kept', async () => {
    const bytes = await renderPdf(docWith([figure('pdf-wide.png')]));
    const [p] = await paintedImages(bytes);
    expect(p!.x).toBeCloseTo(LEFT_PT, 2);
    expect(p!.w).toBeCloseTo(TEXT_WIDTH_PT, 2);
    expect(p!.h).toBeCloseTo((TEXT_WIDTH_PT * 200) / 1600, 2);
    const [row] = pdfimagesList(tempPdf(bytes));
    expect(row!.xPpi).toBe(Math.round(1600 / (TEXT_WIDTH_PT / 72)));
  });

  test('a tall image is capped at maxHeightMm, its ratio kept', async () => {
    const [p] = await paintedImages(await renderPdf(docWith([figure('pdf-tall.png')])));
    const maxPt = figureStyle.maxHeightMm * PT_PER_MM;
    expect(p!.h).toBeCloseTo(maxPt, 2);
    expect(p!.w).toBeCloseTo((maxPt * 60) / 2400, 2);
  });

  test('spacing: before and after as typo.figure, the larger of the neighbours’ spacing applying', async () => {
    const lines = (blocks: Block[]) => async () => {
      const path = tempPdf(await renderPdf(docWith(blocks)));
      const boxes = wordBoxes(path);
      const top = (word: string) => boxes.find((b) => b.word === word)!.yMin;
      return top('Efter') - top('Före');
    };
    const withFigure = await lines([para(text('Före')), figure('pdf-rgb.png'), para(text('Efter'))])();
    const without = await lines([para(text('Före')), para(text('Efter'))])();
    const body = textStyle.body;
    const expected =
      90 +
      Math.max(body.afterPt, figureStyle.beforePt) +
      Math.max(figureStyle.afterPt, body.beforePt) -
      Math.max(body.afterPt, body.beforePt);
    expect(withFigure - without).toBeCloseTo(expected, 1);
  });

  test('a figure that does not fit below the text goes whole to the next page', async () => {
    const bytes = await renderPdf(docWith([...fillers(10), figure('pdf-tall.png'), para(text('Sist.'))]));
    const path = tempPdf(bytes);
    const [p] = await paintedImages(bytes);
    expect(p!.page).toBe(2);
    const bottomMarginPt = 22 * PT_PER_MM;
    expect(p!.y).toBeGreaterThanOrEqual(bottomMarginPt - 0.01);
    // Below the short head of page 2: no text of that page overlaps the image.
    const pageHeightPt = 297 * PT_PER_MM;
    const imageTop = pageHeightPt - p!.y - p!.h;
    for (const b of wordBoxes(path).filter((w) => w.page === 2))
      expect(b.yMax <= imageTop || b.yMin >= imageTop + p!.h).toBe(true);
    expect(pdftotext(path, 1)).toContain('Utfyllnadsrad nummer 10.');
  });

  test('on a small page a tall image fits the body of a later page, and one opening the body fits page 1', async () => {
    // A5 landscape: both bodies are lower than maxHeightMm.
    const small = (blocks: Block[]): Doc => ({
      ...docWith(blocks),
      page: { widthMm: 210, heightMm: 148, marginsMm: { top: 15, right: 20, bottom: 15, left: 20 } },
    });
    const pageHeightPt = 148 * PT_PER_MM;
    const bodyBottomPt = 15 * PT_PER_MM;
    const later = await paintedImages(
      await renderPdf(small([para(text('Text först.')), figure('pdf-tall.png')])),
    );
    expect(later[0]!.page).toBe(2);
    expect(later[0]!.y).toBeGreaterThanOrEqual(bodyBottomPt - 0.01);
    expect(later[0]!.h).toBeLessThan(figureStyle.maxHeightMm * PT_PER_MM);
    const opening: Doc = small([]);
    opening.blocks = [figure('pdf-tall.png'), para(text('Sedan text.'))];
    const bytes = await renderPdf(opening);
    const first = await paintedImages(bytes);
    expect(first[0]!.page).toBe(1);
    expect(first[0]!.h).toBeLessThan(later[0]!.h);
    // Above the first-page footer: no footer word overlaps the image.
    const top = pageHeightPt - first[0]!.y - first[0]!.h;
    const bottom = pageHeightPt - first[0]!.y;
    const path = tempPdf(bytes);
    for (const b of wordBoxes(path).filter((w) => w.page === 1))
      expect(b.yMax <= top + 0.01 || b.yMin >= bottom - 0.01).toBe(true);
    // The page is full: the text after it starts page 2.
    expect(pageCount(path)).toBe(2);
    expect(pdftotext(path, 2)).toContain('Sedan text.');
  });
});
