/**
 * Figures in the DOCX: the image in word/media with its content type, inline in a paragraph of its own at
 * the size the typography table gives (EMU in wp:extent), its alt text as docPr/@descr; and the bytes
 * the same however often, and after whatever else, the process renders.
 */
import JSZip from 'jszip';
import { beforeAll, describe, expect, test } from 'vitest';
import { ptToEmu } from '../../../src/backends/docx/figure.js';
import { renderDocx } from '../../../src/backends/docx/index.js';
import { textWidthTwip } from '../../../src/backends/docx/page.js';
import { figureSizePt } from '../../../src/doc/figure-size.js';
import type { Doc, ImageAsset } from '../../../src/doc/model.js';
import { figure as figureTypo, mmToPt } from '../../../src/doc/typography.js';
import { docWith, para, text } from '../../fixtures/pdf/docs.js';
import { figure, imageAsset, richBlocks } from './helpers/blocks.js';
import { part, readParts, xpathStrings } from './helpers/parts.js';

const el = (name: string) => `*[local-name()='${name}']`;
const attr = (name: string) => `@*[local-name()='${name}']`;
const values = (xml: string, expression: string) =>
  xpathStrings(xml, expression).map((s) => s.replace(/^\s*[\w:]+="|"$/g, ''));

const fourFigures = () =>
  docWith([
    figure('chart.png', 'Stapeldiagram över insatser per år'),
    para(text('Mellan bilderna.')),
    figure('photo.jpg', 'Foto av verksamhetens lokaler'),
    figure('wide.png', 'Bred bild'),
    figure('tall.jpg', 'Hög bild'),
  ]);

const textWidthPt = (doc: Doc) => textWidthTwip(doc.page) / 20;

describe('figures in the DOCX', () => {
  let zip: JSZip;
  let document: string;
  let rels: string;
  const doc = fourFigures();
  beforeAll(async () => {
    const bytes = await renderDocx(doc);
    zip = await JSZip.loadAsync(bytes);
    const parts = await readParts(bytes);
    document = part(parts, 'word/document.xml');
    rels = part(parts, 'word/_rels/document.xml.rels');
  });

  /** The media part a figure's picture points to, by the figure's order in the document. */
  function mediaOf(n: number): string {
    const embed = values(document, `(//${el('blip')})[${n}]/${attr('embed')}`)[0];
    const target = values(rels, `//${el('Relationship')}[@Id='${embed}']/@Target`)[0];
    expect(target, `figure ${n}`).toBeDefined();
    return `word/${target}`;
  }

  test('each image is a part in word/media with its bytes, PNG and JPEG with their content types', async () => {
    const names = ['chart.png', 'photo.jpg', 'wide.png', 'tall.jpg'] as const;
    const media = names.map((_, i) => mediaOf(i + 1));
    expect(new Set(media).size).toBe(4);
    for (const [i, name] of names.entries()) {
      expect(media[i]).toMatch(new RegExp(`^word/media/[^/]+\\.${name.endsWith('.png') ? 'png' : 'jpe?g'}$`));
      const stored = await zip.file(media[i]!)!.async('uint8array');
      expect(Buffer.from(stored).equals(Buffer.from(imageAsset(name).bytes)), name).toBe(true);
    }
    const types = await zip.file('[Content_Types].xml')!.async('string');
    for (const m of media) {
      const extension = m.slice(m.lastIndexOf('.') + 1);
      const type = values(types, `//${el('Default')}[@Extension='${extension}']/@ContentType`);
      expect(type, extension).toEqual([extension === 'png' ? 'image/png' : 'image/jpeg']);
    }
  });

  test('alt text in docPr/@descr; ids 1, 2, … and names "Bild n" by order, so they are the same every time', () => {
    const docPr = `//${el('inline')}/${el('docPr')}`;
    expect(values(document, `${docPr}/@descr`)).toEqual([
      'Stapeldiagram över insatser per år',
      'Foto av verksamhetens lokaler',
      'Bred bild',
      'Hög bild',
    ]);
    expect(values(document, `${docPr}/@id`)).toEqual(['1', '2', '3', '4']);
    expect(values(document, `${docPr}/@name`)).toEqual(['Bild 1', 'Bild 2', 'Bild 3', 'Bild 4']);
  });

  test('inline (not floating), each in a paragraph of its own in style Bild, left as the text', () => {
    expect(xpathStrings(document, `count(//${el('anchor')})`)).toEqual(['0']);
    const paragraphs = `//${el('p')}[.//${el('drawing')}]`;
    expect(xpathStrings(document, `count(${paragraphs})`)).toEqual(['4']);
    expect(values(document, `${paragraphs}/${el('pPr')}/${el('pStyle')}/${attr('val')}`)).toEqual(
      Array(4).fill('Figure'),
    );
    expect(xpathStrings(document, `count(${paragraphs}//${el('jc')})`)).toEqual(['0']);
    expect(xpathStrings(document, `count(${paragraphs}//${el('t')})`)).toEqual(['0']);
  });

  test('the extent in EMU is the computed size: 96 px to the inch, within the text width and the height cap', () => {
    const extents = [1, 2, 3, 4].map((n) => ({
      cx: Number(values(document, `(//${el('inline')}/${el('extent')})[${n}]/@cx`)[0]),
      cy: Number(values(document, `(//${el('inline')}/${el('extent')})[${n}]/@cy`)[0]),
    }));
    const expected = (['chart.png', 'photo.jpg', 'wide.png', 'tall.jpg'] as const).map((name) => {
      const size = figureSizePt(imageAsset(name), textWidthPt(doc));
      return { cx: ptToEmu(size.widthPt), cy: ptToEmu(size.heightPt) };
    });
    expect(extents).toEqual(expected);
    // chart.png, 160 × 100 px: 120 × 75 pt, 12 700 EMU a point.
    expect(extents[0]).toEqual({ cx: 120 * 12700, cy: 75 * 12700 });
    // The picture's own size (a:ext) is the same as the extent.
    expect(values(document, `(//${el('xfrm')}/${el('ext')})[1]/@cx`)).toEqual([String(120 * 12700)]);
    // wide.png is as wide as the text; tall.jpg as high as the cap, 180 mm = 6 480 000 EMU.
    expect(extents[2]!.cx).toBe(ptToEmu(textWidthPt(doc)));
    expect(extents[3]!.cy).toBe(6_480_000);
  });
});

describe('figure size', () => {
  const asset = (widthPx: number, heightPx: number): ImageAsset => ({
    format: 'png',
    bytes: new Uint8Array(),
    widthPx,
    heightPx,
  });
  const ptPerPx = 72 / figureTypo.pxPerInch;

  test('small images at 96 px to the inch', () => {
    expect(figureSizePt(asset(400, 300), 460)).toEqual({ widthPt: 300, heightPt: 225 });
  });

  test('wider than the text: the text width, the height by the ratio', () => {
    const { widthPt, heightPt } = figureSizePt(asset(1600, 400), 460);
    expect(widthPt).toBe(460);
    expect(heightPt).toBeCloseTo(115, 9);
  });

  test('taller than the cap: the cap, the width by the ratio', () => {
    const cap = mmToPt(figureTypo.maxHeightMm);
    const { widthPt, heightPt } = figureSizePt(asset(300, 1500), 460);
    expect(heightPt).toBeCloseTo(cap, 9);
    expect(widthPt).toBeCloseTo((cap * 300) / 1500, 9);
    expect(widthPt).toBeLessThan(300 * ptPerPx);
  });

  test('wide and then still too tall: both limits, the ratio kept', () => {
    const { widthPt, heightPt } = figureSizePt(asset(2000, 4000), 460);
    expect(heightPt).toBeCloseTo(mmToPt(figureTypo.maxHeightMm), 9);
    expect(widthPt / heightPt).toBeCloseTo(0.5, 9);
  });
});

describe('determinism with images', () => {
  test('the same Doc twice gives the same bytes', async () => {
    const a = await renderDocx(fourFigures());
    const b = await renderDocx(fourFigures());
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  test('another Doc with images rendered in between does not change the bytes', async () => {
    const before = await renderDocx(fourFigures());
    const other = await renderDocx(
      docWith([...richBlocks(), figure('tall.jpg', 'Annan'), figure('wide.png', '')]),
    );
    const after = await renderDocx(fourFigures());
    expect(Buffer.from(after).equals(Buffer.from(before))).toBe(true);
    // The other Doc numbers its own drawings from 1 too.
    const ids = values(part(await readParts(other), 'word/document.xml'), `//${el('docPr')}/@id`);
    expect(ids).toEqual(['1', '2', '3', '4']);
  });

  test('an image without alt text has no descr, and the same image twice is one media part', async () => {
    const parts = await readParts(
      await renderDocx(docWith([figure('chart.png', ''), figure('chart.png', 'Samma bild igen')])),
    );
    const document = part(parts, 'word/document.xml');
    expect(xpathStrings(document, `count(//${el('docPr')}[@descr])`)).toEqual(['1']);
    expect([...parts.keys()].filter((p) => p.startsWith('word/media/'))).toHaveLength(1);
  });
});
