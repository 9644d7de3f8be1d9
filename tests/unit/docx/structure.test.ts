/** What the DOCX says in its XML: styles, language, numbering, page setup, furniture, links, escaping. */
import { beforeAll, describe, expect, test } from 'vitest';
import { renderDocx } from '../../../src/backends/docx/index.js';
import { mmToTwip, ptToEighthPt, ptToTwip } from '../../../src/backends/docx/units.js';
import type { Block, Doc } from '../../../src/doc/model.js';
import { list, rule, signatures, type TextStyle, text } from '../../../src/doc/typography.js';
import { UsageError } from '../../../src/errors.js';
import { paragraphItem } from '../../fixtures/doc/lists.js';
import { seed001Doc } from '../../fixtures/doc/seed001-doc.js';
import { part, prettyXml, readParts, wordTexts, xpathStrings } from './helpers/parts.js';

const t = (text: string, extra: object = {}) => ({ type: 'text' as const, text, ...extra });
const ordered = (start: number, ...items: string[]): Block => ({
  type: 'list',
  ordered: true,
  start,
  items: items.map((i) => paragraphItem([t(i)])),
});

function docWith(blocks: Block[], change: (d: Doc) => void = () => {}): Doc {
  const doc = seed001Doc();
  doc.blocks = blocks;
  change(doc);
  return doc;
}

const attr = (name: string) => `@*[local-name()='${name}']`;
const el = (name: string) => `*[local-name()='${name}']`;

/** The simple fields of a part: [instruction, cached result]. */
const fields = (xml: string) =>
  xpathStrings(xml, `//${el('fldSimple')}`).map((f) => [
    /w:instr="([^"]*)"/.exec(f)![1]!,
    xpathStrings(f, 'string(.)')[0] ?? '',
  ]);

describe('seed 001', () => {
  let parts: Map<string, string>;
  beforeAll(async () => {
    parts = await readParts(await renderDocx(seed001Doc()));
  });

  test('every XML part is well-formed', () => {
    for (const [name, xml] of parts)
      if (/\.(xml|rels)$/.test(name)) expect(() => prettyXml(xml), name).not.toThrow();
  });

  test('document defaults: Swedish, Noto Sans', () => {
    const styles = part(parts, 'word/styles.xml');
    const rPr = `//${el('docDefaults')}/${el('rPrDefault')}/${el('rPr')}`;
    expect(xpathStrings(styles, `string(${rPr}/${el('lang')}/${attr('val')})`)).toEqual(['sv-SE']);
    expect(xpathStrings(styles, `string(${rPr}/${el('rFonts')}/${attr('ascii')})`)).toEqual(['Noto Sans']);
  });

  test('the font table declares Noto Sans as a proportional sans-serif, for substitution', () => {
    const fonts = part(parts, 'word/fontTable.xml');
    const font = `//${el('font')}[${attr('name')}='Noto Sans']`;
    expect(xpathStrings(fonts, `string(${font}/${el('family')}/${attr('val')})`)).toEqual(['swiss']);
    expect(xpathStrings(fonts, `string(${font}/${el('pitch')}/${attr('val')})`)).toEqual(['variable']);
  });

  test('the styles the body uses exist, each in Swedish', () => {
    const styles = part(parts, 'word/styles.xml');
    const used = new Set(
      xpathStrings(part(parts, 'word/document.xml'), `//${el('pStyle')}/${attr('val')}`).map(
        (s) => s.match(/"(.*)"/)![1]!,
      ),
    );
    expect([...used].sort()).toEqual(
      [
        'Header',
        'Heading1',
        'Heading2',
        'Heading3',
        'Label',
        'ListBullet',
        'ListNumber',
        'Recipients',
        'Rule',
        'Signature',
        'Wordmark',
        'DocumentLabel',
        'Addressee',
        'PageNumber',
      ].sort(),
    );
    for (const id of used) {
      const style = `//${el('style')}[${attr('styleId')}='${id}']`;
      expect(xpathStrings(styles, `string(${style}/${el('rPr')}/${el('lang')}/${attr('val')})`), id).toEqual([
        'sv-SE',
      ]);
    }
  });

  test("built-in styles carry Word's internal names, the memo's own styles Swedish ones", () => {
    const styles = part(parts, 'word/styles.xml');
    const nameOf = (id: string) =>
      xpathStrings(
        styles,
        `string(//${el('style')}[${attr('styleId')}='${id}']/${el('name')}/${attr('val')})`,
      )[0];
    expect(
      ['Heading1', 'Heading2', 'Heading3', 'ListNumber', 'ListBullet', 'Signature', 'Header', 'Footer'].map(
        nameOf,
      ),
    ).toEqual([
      'heading 1',
      'heading 2',
      'heading 3',
      'List Number',
      'List Bullet',
      'Signature',
      'header',
      'footer',
    ]);
    expect(
      [
        'Label',
        'Rule',
        'Recipients',
        'Wordmark',
        'FooterLabel',
        'DocumentLabel',
        'Addressee',
        'ShortHead',
        'PageNumber',
      ].map(nameOf),
    ).toEqual([
      'Ledtext',
      'Avdelare',
      'Sändlista',
      'Kommunnamn',
      'Sidfot ledtext',
      'Dokumenttyp',
      'Mottagare',
      'Sidhuvud senare sidor',
      'Sidnummer',
    ]);
  });

  test('the rubrik is Heading 1 (outline level 1), sections Heading 2 and sub-headings Heading 3 below it', () => {
    const doc = part(parts, 'word/document.xml');
    const styles = part(parts, 'word/styles.xml');
    const styleOf = (text: string) =>
      xpathStrings(
        doc,
        `string(//${el('p')}[.//${el('t')}[.='${text}']]/${el('pPr')}/${el('pStyle')}/${attr('val')})`,
      );
    expect(styleOf(seed001Doc().meta.title)).toEqual(['Heading1']);
    expect(styleOf('Ärende')).toEqual(['Heading2']);
    expect(styleOf('Uppföljning 2022 – resultat av insatsen, avtalet')).toEqual(['Heading3']);
    // w:outlineLvl counts from 0: Word's navigation pane shows level 0 at the top, 1 and 2 below it.
    const outline = (id: string) =>
      xpathStrings(
        styles,
        `string(//${el('style')}[${attr('styleId')}='${id}']/${el('pPr')}/${el('outlineLvl')}/${attr('val')})`,
      );
    expect(['Heading1', 'Heading2', 'Heading3'].map(outline)).toEqual([['0'], ['1'], ['2']]);
    // The rubrik is the only Heading 1 and comes first.
    const headings = xpathStrings(
      doc,
      `//${el('pStyle')}[starts-with(${attr('val')}, 'Heading')]/${attr('val')}`,
    );
    expect(headings[0]).toContain('Heading1');
    expect(headings.filter((h) => h.includes('Heading1'))).toHaveLength(1);
  });

  test('headings keep with the next paragraph (via their styles)', () => {
    const styles = part(parts, 'word/styles.xml');
    for (const id of ['Heading1', 'Heading2', 'Heading3', 'Label', 'Signature']) {
      expect(
        xpathStrings(
          styles,
          `count(//${el('style')}[${attr('styleId')}='${id}']/${el('pPr')}/${el('keepNext')})`,
        ),
        id,
      ).toEqual(['1']);
    }
  });

  test("the rule above Beslutsunderlag is a paragraph border as long as the PDF's rule, not underscores", () => {
    const doc = part(parts, 'word/document.xml');
    const styles = part(parts, 'word/styles.xml');
    expect(wordTexts(doc).join('')).not.toContain('_');
    const ruleP = `//${el('p')}[${el('pPr')}/${el('pStyle')}/${attr('val')}='Rule']`;
    expect(xpathStrings(doc, `count(${ruleP})`)).toEqual(['1']);
    expect(xpathStrings(doc, `count(${ruleP}/${el('r')})`)).toEqual(['0']);
    expect(xpathStrings(doc, `string(${ruleP}/following-sibling::${el('p')}[1])`)).toEqual([
      'Beslutsunderlag:',
    ]);
    const pPr = `//${el('style')}[${attr('styleId')}='Rule']/${el('pPr')}`;
    const bottom = `${pPr}/${el('pBdr')}/${el('bottom')}`;
    expect(xpathStrings(styles, `string(${bottom}/${attr('val')})`)).toEqual(['single']);
    expect(xpathStrings(styles, `string(${bottom}/${attr('sz')})`)).toEqual([
      String(ptToEighthPt(rule.thicknessPt)),
    ]);
    const page = seed001Doc().page;
    const textWidth = mmToTwip(page.widthMm - page.marginsMm.left - page.marginsMm.right);
    expect(xpathStrings(styles, `string(${pPr}/${el('ind')}/${attr('right')})`)).toEqual([
      String(textWidth - ptToTwip(rule.widthPt)),
    ]);
  });

  test("sizes, line heights and spacing are the shared table's, in half-points and twips", () => {
    const styles = part(parts, 'word/styles.xml');
    const defaults = `//${el('docDefaults')}`;
    expect(xpathStrings(styles, `string(${defaults}//${el('sz')}/${attr('val')})`)).toEqual([
      String(text.body.sizePt * 2),
    ]);
    const spacing = (scope: string) =>
      ['before', 'after', 'line', 'lineRule'].map(
        (a) => xpathStrings(styles, `string(${scope}//${el('spacing')}/${attr(a)})`)[0],
      );
    const expected = (s: TextStyle) => [
      String(s.beforePt * 20),
      String(s.afterPt * 20),
      String(Math.round(s.sizePt * s.lineHeight * 20)),
      'exact',
    ];
    expect(spacing(defaults)).toEqual(expected(text.body));
    const style = (id: string) => `//${el('style')}[${attr('styleId')}='${id}']`;
    for (const [id, s] of [
      ['Heading1', text.title],
      ['Heading2', text.heading2],
      ['Heading3', text.heading3],
    ] as const) {
      expect(spacing(style(id)), id).toEqual(expected(s));
      expect(xpathStrings(styles, `string(${style(id)}//${el('sz')}/${attr('val')})`), id).toEqual([
        String(s.sizePt * 2),
      ]);
    }
  });

  test('A4 from doc.page, margins in twips, a different first page', () => {
    const doc = part(parts, 'word/document.xml');
    const sect = `//${el('sectPr')}`;
    expect(xpathStrings(doc, `string(${sect}/${el('pgSz')}/${attr('w')})`)).toEqual(['11906']);
    expect(xpathStrings(doc, `string(${sect}/${el('pgSz')}/${attr('h')})`)).toEqual(['16838']);
    expect(xpathStrings(doc, `string(${sect}/${el('pgMar')}/${attr('left')})`)).toEqual([
      String(mmToTwip(25)),
    ]);
    expect(xpathStrings(doc, `string(${sect}/${el('pgMar')}/${attr('top')})`)).toEqual([
      String(mmToTwip(20)),
    ]);
    expect(xpathStrings(doc, `count(${sect}/${el('titlePg')})`)).toEqual(['1']);
    const refs = (kind: string) =>
      xpathStrings(doc, `${sect}/${el(kind)}/${attr('type')}`)
        .map((s) => s.match(/"(.*)"/)![1])
        .sort();
    expect(refs('headerReference')).toEqual(['default', 'first']);
    expect(refs('footerReference')).toEqual(['default', 'first']);
  });

  test('page 1 has its number in the head, later pages in the header with the short head', () => {
    const doc = part(parts, 'word/document.xml');
    const rels = part(parts, 'word/_rels/document.xml.rels');
    const headerFile = (type: string) => {
      const id = xpathStrings(
        doc,
        `string(//${el('headerReference')}[${attr('type')}='${type}']/${attr('id')})`,
      )[0];
      return `word/${xpathStrings(rels, `string(//*[@Id='${id}']/@Target)`)[0]}`;
    };
    const first = part(parts, headerFile('first'));
    const later = part(parts, headerFile('default'));
    // Without a page count each head caches the fewest pages it can be on.
    expect(fields(doc).slice(0, 2)).toEqual([
      ['PAGE', '1'],
      ['NUMPAGES', '1'],
    ]);
    expect(fields(later)).toEqual([
      ['PAGE', '2'],
      ['NUMPAGES', '2'],
    ]);
    const f = seed001Doc().furniture;
    // Page 1's header is empty, so the head in the body starts at the top margin as in the PDF.
    expect(wordTexts(first)).toEqual([]);
    expect(fields(first)).toEqual([]);
    expect(wordTexts(later).filter((s) => s.trim() !== '')).toEqual([...f.shortHead, '2', ' (', '2', ')']);
  });

  test('PAGE and NUMPAGES cache the page count given: "1 (4)" on page 1, "2 (4)" on the later head', async () => {
    const counted = await readParts(await renderDocx(seed001Doc(), { pageCount: 4 }));
    const headers = [...counted.keys()].filter((k) => /^word\/header\d+\.xml$/.test(k));
    const cached = [part(counted, 'word/document.xml'), ...headers.map((h) => part(counted, h))]
      .map((xml) =>
        fields(xml)
          .map(([, value]) => value)
          .join(' ('),
      )
      .filter((text) => text !== '');
    expect(cached.sort()).toEqual(['1 (4', '2 (4']);
    // Nothing else is a field: no complex fields without a cached result.
    for (const h of headers) expect(part(counted, h)).not.toContain('fldChar');
  });

  test('the first-page head opens the body: a layout table read kommun, label, date, Dnr, sender, nämnd', () => {
    const doc = part(parts, 'word/document.xml');
    const f = seed001Doc().furniture;
    const head = `//${el('body')}/*[1]`;
    expect(xpathStrings(doc, `name(${head})`)).toEqual(['w:tbl']);
    const lines = xpathStrings(doc, `${head}//${el('p')}`).length;
    const texts = Array.from({ length: lines }, (_, i) =>
      xpathStrings(doc, `string((${head}//${el('p')})[${i + 1}])`).join(''),
    ).filter((text) => text !== '');
    expect(texts).toEqual([
      f.municipality,
      f.label,
      '1 (1)',
      f.date,
      ...f.dnrLines,
      ...f.senderLines,
      ...f.addressees,
    ]);
    // Marked as a layout table: no style, no borders, no header row, every conditional format off.
    const tblPr = `${head}/${el('tblPr')}`;
    expect(xpathStrings(doc, `count(${tblPr}/${el('tblStyle')})`)).toEqual(['0']);
    expect(xpathStrings(doc, `count(${head}//${el('tblHeader')})`)).toEqual(['0']);
    expect(xpathStrings(doc, `string(${tblPr}/${el('tblLook')}/${attr('val')})`)).toEqual(['0600']);
    expect(xpathStrings(doc, `count(${tblPr}/${el('tblBorders')}/*[${attr('val')}!='none'])`)).toEqual(['0']);
    // The title comes right after it.
    expect(xpathStrings(doc, `string(//${el('body')}/*[2])`)).toEqual([seed001Doc().meta.title]);
  });

  test('the first-page footer has every footer field', () => {
    const doc = part(parts, 'word/document.xml');
    const rels = part(parts, 'word/_rels/document.xml.rels');
    const id = xpathStrings(
      doc,
      `string(//${el('footerReference')}[${attr('type')}='first']/${attr('id')})`,
    )[0];
    const footer = part(parts, `word/${xpathStrings(rels, `string(//*[@Id='${id}']/@Target)`)[0]}`);
    expect(wordTexts(footer)).toEqual(seed001Doc().furniture.footer.flatMap((f) => [f.label, f.value]));
  });

  test('core properties come from doc.meta, dated by the memo, not the clock', () => {
    const core = part(parts, 'docProps/core.xml');
    const value = (name: string) => xpathStrings(core, `string(//*[name()='${name}'])`)[0];
    const meta = seed001Doc().meta;
    expect(value('dc:title')).toBe(meta.title);
    expect(value('dc:creator')).toBe(meta.author);
    expect(value('dc:subject')).toBe(meta.subject);
    expect(value('cp:keywords')).toBe(meta.keywords.join(', '));
    expect(value('cp:lastModifiedBy')).toBe(meta.creator);
    expect(value('dc:language')).toBe('sv-SE');
    expect(value('dcterms:created')).toBe('2023-08-30T00:00:00Z');
    expect(value('dcterms:modified')).toBe('2023-08-30T00:00:00Z');
    const app = part(parts, 'docProps/app.xml');
    expect(xpathStrings(app, `string(//${el('Application')})`)).toEqual([meta.creator]);
  });

  test('signatures keep together, with the text before them and the recipients after them', () => {
    const doc = part(parts, 'word/document.xml');
    const styled = (id: string) => `${el('p')}[${el('pPr')}/${el('pStyle')}/${attr('val')}='${id}']`;
    expect(xpathStrings(doc, `//${styled('Signature')}//${el('t')}/text()`)).toEqual([
      'Social- och omsorgsförvaltningen',
      'Susanna Lundstedt',
      'Social- och omsorgsdirektör',
    ]);
    // The style keeps each signature line with the next; the MBL statement before keeps with them.
    const styles = part(parts, 'word/styles.xml');
    expect(
      xpathStrings(
        styles,
        `count(//${el('style')}[${attr('styleId')}='Signature']/${el('pPr')}/${el('keepNext')})`,
      ),
    ).toEqual(['1']);
    const before = `//${styled('Signature')}[1]/preceding-sibling::${el('p')}[1]`;
    expect(xpathStrings(doc, `string(${before})`)).toEqual([
      'Information enligt 19 § medbestämmandelagen har lämnats.',
    ]);
    expect(xpathStrings(doc, `count(${before}/${el('pPr')}/${el('keepNext')})`)).toEqual(['1']);
    const recipients = `//${styled('Recipients')}`;
    expect(xpathStrings(doc, `count(${recipients})`)).toEqual(['1']);
    expect(xpathStrings(doc, `count(${recipients}/${el('pPr')}/${el('keepNext')})`)).toEqual(['0']);
  });
});

describe('a joint memo', () => {
  test('signatures side by side, two to a row, as in the PDF; each cell one signature, in reading order', async () => {
    const people = [
      {
        department: 'Social- och omsorgsförvaltningen',
        name: 'Maria Ek',
        title: 'Social- och omsorgsdirektör',
      },
      { department: 'Utbildningsförvaltningen', name: 'Per Lind', title: 'Utbildningsdirektör' },
      { department: 'Kultur- och fritidsförvaltningen', name: 'Ann Berg' },
    ];
    const doc = docWith([
      { type: 'paragraph', inlines: [t('Information enligt 19 § har lämnats.')] },
      { type: 'signatures', signatures: people },
      { type: 'recipients', label: 'Beslutet skickas till:', recipients: ['Kommunledningsförvaltningen'] },
    ]);
    const body = part(await readParts(await renderDocx(doc)), 'word/document.xml');
    // The one table after the page-1 head, which opens the body.
    const table = `//${el('body')}/${el('tbl')}[preceding-sibling::*]`;
    expect(xpathStrings(body, `count(${table})`)).toEqual(['1']);
    const cells = (row: number) =>
      [1, 2].map((c) =>
        xpathStrings(body, `${table}/${el('tr')}[${row}]/${el('tc')}[${c}]/${el('p')}`).map(
          (p) => xpathStrings(p, 'string(.)')[0] ?? '',
        ),
      );
    expect(cells(1)).toEqual([
      ['Social- och omsorgsförvaltningen', 'Maria Ek', 'Social- och omsorgsdirektör'],
      ['Utbildningsförvaltningen', 'Per Lind', 'Utbildningsdirektör'],
    ]);
    expect(cells(2)).toEqual([['Kultur- och fritidsförvaltningen', 'Ann Berg'], ['']]);
    // The columns start where the PDF's do: the first is a column and the gap wide.
    const page = seed001Doc().page;
    const width = mmToTwip(page.widthMm - page.marginsMm.left - page.marginsMm.right);
    const column = Math.floor((width - ptToTwip(signatures.columnGapPt)) / 2);
    expect(xpathStrings(body, `${table}/${el('tblGrid')}/${el('gridCol')}/${attr('w')}`)).toEqual([
      ` w:w="${column + ptToTwip(signatures.columnGapPt)}"`,
      ` w:w="${column}"`,
    ]);
    // The recipients are the last row, across both columns, so they stay with the signatures.
    const last = `${table}/${el('tr')}[3]/${el('tc')}`;
    expect(xpathStrings(body, `count(${last})`)).toEqual(['1']);
    expect(xpathStrings(body, `string(${last}/${el('tcPr')}/${el('gridSpan')}/${attr('val')})`)).toEqual([
      '2',
    ]);
    expect(xpathStrings(body, `${last}/${el('p')}`).map((p) => xpathStrings(p, 'string(.)')[0])).toEqual([
      'Beslutet skickas till:',
      'Kommunledningsförvaltningen',
    ]);
    expect(xpathStrings(body, `count(//${el('body')}/${el('p')}[.='Beslutet skickas till:'])`)).toEqual([
      '0',
    ]);
    // Rows never split; the text before keeps with the table, every signature line with the next.
    expect(xpathStrings(body, `count(${table}/${el('tr')}/${el('trPr')}/${el('cantSplit')})`)).toEqual(['3']);
    expect(
      xpathStrings(body, `count(${table}/preceding-sibling::${el('p')}[1]/${el('pPr')}/${el('keepNext')})`),
    ).toEqual(['1']);
    expect(
      xpathStrings(
        body,
        `count(${table}/${el('tr')}[position() < 3]//${el('p')}[not(${el('pPr')}/${el('pStyle')}[${attr('val')}='Signature'])])`,
      ),
    ).toEqual(['0']);
  });

  test('a single signature stays paragraphs, no table', async () => {
    const body = part(await readParts(await renderDocx(seed001Doc())), 'word/document.xml');
    // No table but the page-1 head, which opens the body.
    expect(xpathStrings(body, `count(//${el('body')}/${el('tbl')}[preceding-sibling::*])`)).toEqual(['0']);
  });
});

describe('numbering', () => {
  test('each ordered list is its own w:num, restarting at its start', async () => {
    const doc = docWith([
      { type: 'heading', level: 2, inlines: [t('Förslag till social- och omsorgsnämndens beslut')] },
      ordered(1, 'Ett', 'Två'),
      { type: 'heading', level: 2, inlines: [t('Förslag till bildningsnämndens beslut')] },
      ordered(1, 'Första', 'Andra', 'Tredje'),
      ordered(3, 'Fortsätter på tre'),
    ]);
    const parts = await readParts(await renderDocx(doc));
    const body = part(parts, 'word/document.xml');
    const numbering = part(parts, 'word/numbering.xml');
    const numIdOf = (text: string) =>
      xpathStrings(
        body,
        `string(//${el('p')}[.//${el('t')}[.='${text}']]//${el('numId')}/${attr('val')})`,
      )[0]!;
    const ids = ['Ett', 'Två', 'Första', 'Andra', 'Tredje', 'Fortsätter på tre'].map(numIdOf);
    expect(ids[0]).toBe(ids[1]);
    expect(new Set([ids[0], ids[2], ids[5]]).size).toBe(3);
    expect(ids[2]).toBe(ids[4]);
    const num = (id: string) => `//${el('num')}[${attr('numId')}='${id}']`;
    const startOf = (id: string) =>
      xpathStrings(
        numbering,
        `string(${num(id)}/${el('lvlOverride')}[${attr('ilvl')}='0']/${el('startOverride')}/${attr('val')})`,
      )[0];
    expect([startOf(ids[0]!), startOf(ids[2]!), startOf(ids[5]!)]).toEqual(['1', '1', '3']);
    // The two lists that start at 1 share one abstract definition (one "List Number" look).
    const abstractOf = (id: string) =>
      xpathStrings(numbering, `string(${num(id)}/${el('abstractNumId')}/${attr('val')})`)[0];
    expect(abstractOf(ids[0]!)).toBe(abstractOf(ids[2]!));
    const lvl0 = `//${el('abstractNum')}[${attr('abstractNumId')}='${abstractOf(ids[0]!)}']/${el('lvl')}[${attr('ilvl')}='0']`;
    expect(xpathStrings(numbering, `string(${lvl0}/${el('numFmt')}/${attr('val')})`)).toEqual(['decimal']);
    expect(xpathStrings(numbering, `string(${lvl0}//${el('ind')}/${attr('hanging')})`)).toEqual([
      String(ptToTwip(list.indentPt)),
    ]);
  });

  test("the List Number and List Bullet styles number with the Doc's first list of their kind", async () => {
    const doc = docWith([
      { type: 'list', ordered: true, start: 1, items: [] },
      ordered(1, 'Ett'),
      ordered(1, 'Annat ett'),
      { type: 'list', ordered: false, start: 1, items: [paragraphItem([t('Punkt')])] },
    ]);
    const parts = await readParts(await renderDocx(doc));
    const body = part(parts, 'word/document.xml');
    const styles = part(parts, 'word/styles.xml');
    const numIdOf = (text: string) =>
      xpathStrings(
        body,
        `string(//${el('p')}[.//${el('t')}[.='${text}']]//${el('numId')}/${attr('val')})`,
      )[0];
    const styleNumId = (id: string) =>
      xpathStrings(
        styles,
        `string(//${el('style')}[${attr('styleId')}='${id}']//${el('numId')}/${attr('val')})`,
      )[0];
    expect(styleNumId('ListNumber')).toBe(numIdOf('Ett'));
    expect(styleNumId('ListBullet')).toBe(numIdOf('Punkt'));
    const noLists = part(await readParts(await renderDocx(docWith([]))), 'word/styles.xml');
    expect(
      xpathStrings(noLists, `count(//${el('style')}[${attr('styleId')}='ListNumber']//${el('numPr')})`),
    ).toEqual(['0']);
  });

  test('an item without paragraphs keeps its number', async () => {
    const doc = docWith([
      {
        type: 'list',
        ordered: true,
        start: 1,
        items: [paragraphItem([t('Ett')]), paragraphItem(), paragraphItem([t('Tre')])],
      },
    ]);
    const body = part(await readParts(await renderDocx(doc)), 'word/document.xml');
    expect(xpathStrings(body, `count(//${el('body')}/${el('p')}[.//${el('numPr')}])`)).toEqual(['3']);
  });

  test('a bulleted list uses a bullet definition and the List Bullet style', async () => {
    const doc = docWith([
      {
        type: 'list',
        ordered: false,
        start: 1,
        items: [paragraphItem([t('Punkt')], [t('Mer om punkten')])],
      },
    ]);
    const parts = await readParts(await renderDocx(doc));
    const body = part(parts, 'word/document.xml');
    const numId = xpathStrings(
      body,
      `string(//${el('p')}[.//${el('t')}[.='Punkt']]//${el('numId')}/${attr('val')})`,
    )[0];
    const numbering = part(parts, 'word/numbering.xml');
    const abs = xpathStrings(
      numbering,
      `string(//${el('num')}[${attr('numId')}='${numId}']/${el('abstractNumId')}/${attr('val')})`,
    )[0];
    expect(
      xpathStrings(
        numbering,
        `string(//${el('abstractNum')}[${attr('abstractNumId')}='${abs}']/${el('lvl')}[1]/${el('numFmt')}/${attr('val')})`,
      ),
    ).toEqual(['bullet']);
    // The item's second paragraph is unnumbered and indented with the text.
    const second = `//${el('p')}[.//${el('t')}[.='Mer om punkten']]`;
    expect(xpathStrings(body, `count(${second}//${el('numPr')})`)).toEqual(['0']);
    expect(xpathStrings(body, `string(${second}//${el('ind')}/${attr('left')})`)).toEqual([
      String(ptToTwip(list.indentPt)),
    ]);
  });
});

describe('text and links', () => {
  test('markup-like text comes out literally, XML-escaped', async () => {
    const nasty = 'a *b* # _c_ {{d}} <script>alert("x")</script> | e & f';
    const parts = await readParts(await renderDocx(docWith([{ type: 'paragraph', inlines: [t(nasty)] }])));
    const body = part(parts, 'word/document.xml');
    expect(body).toContain('&lt;script&gt;');
    expect(body).not.toContain('<script>');
    expect(xpathStrings(body, `string(//${el('body')}/${el('p')}[1]//${el('t')})`)).toEqual([nasty]);
  });

  test('control characters XML cannot hold are dropped, the rest kept', async () => {
    const parts = await readParts(
      await renderDocx(docWith([{ type: 'paragraph', inlines: [t('a\u0000b\u0007c\uFFFE\u0301')] }])),
    );
    const body = part(parts, 'word/document.xml');
    expect(() => prettyXml(body)).not.toThrow();
    expect(xpathStrings(body, `string(//${el('body')}/${el('p')}[1]//${el('t')})`)).toEqual(['abc\u0301']);
  });

  test('runs sharing an external href become one hyperlink; "#" and relative hrefs stay plain text', async () => {
    const url = 'https://www.linkoping.se/kommun-och-politik/styrning-och-uppfoljning/';
    const doc = docWith([
      {
        type: 'paragraph',
        inlines: [t('Se '), t('kommunens ', { href: url }), t('mål', { href: url, bold: true }), t('.')],
      },
      {
        type: 'paragraph',
        inlines: [t('Ingen länk', { href: '#' }), t(' och '), t('relativ', { href: 'mal.html' })],
      },
      { type: 'paragraph', inlines: [t('Skript', { href: 'javascript:alert(1)' })] },
    ]);
    const parts = await readParts(await renderDocx(doc));
    const body = part(parts, 'word/document.xml');
    const links = `//${el('hyperlink')}`;
    expect(xpathStrings(body, `count(${links})`)).toEqual(['1']);
    expect(xpathStrings(body, `string(${links})`)).toEqual(['kommunens mål']);
    const id = xpathStrings(body, `string(${links}/${attr('id')})`)[0]!;
    expect(id).toMatch(/^rId\d+$/);
    const rels = part(parts, 'word/_rels/document.xml.rels');
    expect(xpathStrings(rels, `string(//*[@Id='${id}']/@Target)`)).toEqual([url]);
    expect(xpathStrings(rels, `string(//*[@Id='${id}']/@TargetMode)`)).toEqual(['External']);
    expect(xpathStrings(body, `//${el('body')}/${el('p')}//${el('t')}/text()`)).toEqual([
      'Se ',
      'kommunens ',
      'mål',
      '.',
      'Ingen länk',
      ' och ',
      'relativ',
      'Skript',
    ]);
  });

  test('a line break inside a paragraph is a w:br', async () => {
    const parts = await readParts(
      await renderDocx(
        docWith([{ type: 'paragraph', inlines: [t('rad ett'), { type: 'break' }, t('rad två')] }]),
      ),
    );
    expect(
      xpathStrings(part(parts, 'word/document.xml'), `count(//${el('body')}/${el('p')}[1]//${el('br')})`),
    ).toEqual(['1']);
  });
});

describe('furniture and input', () => {
  test('the page number format comes from the furniture', async () => {
    const doc = docWith([], (d) => {
      d.furniture.pageNumberFormat = 'Sida {n} av {m}';
    });
    const parts = await readParts(await renderDocx(doc));
    const headers = [...parts.keys()].filter((k) => /^word\/header\d+\.xml$/.test(k));
    expect(headers).toHaveLength(2);
    const withNumber = headers.filter((h) => wordTexts(part(parts, h)).length > 0);
    for (const xml of [part(parts, 'word/document.xml'), ...withNumber.map((h) => part(parts, h))]) {
      const texts = wordTexts(xml);
      expect(texts).toContain('Sida ');
      expect(texts).toContain(' av ');
    }
  });

  test('an empty Doc with empty furniture still renders', async () => {
    const doc = docWith([], (d) => {
      Object.assign(d.furniture, {
        senderLines: [],
        dnrLines: [],
        addressees: [],
        shortHead: [],
        footer: [],
      });
    });
    const parts = await readParts(await renderDocx(doc));
    for (const [name, xml] of parts)
      if (name.endsWith('.xml')) expect(() => prettyXml(xml), name).not.toThrow();
  });

  test('a date that is not ÅÅÅÅ-MM-DD is a UsageError, in Swedish', async () => {
    const doc = docWith([], (d) => {
      d.meta.date = '30/8 2023';
    });
    await expect(renderDocx(doc)).rejects.toThrow(UsageError);
    await expect(renderDocx(doc)).rejects.toThrow(/datum/);
  });

  test('a day that does not exist is a UsageError too', async () => {
    await expect(
      renderDocx(
        docWith([], (d) => {
          d.meta.date = '2023-02-30';
        }),
      ),
    ).rejects.toThrow(UsageError);
  });

  test('margins that leave no room for text are a UsageError, in Swedish', async () => {
    const wide = docWith([], (d) => {
      d.page.marginsMm = { top: 20, right: 110, bottom: 20, left: 110 };
    });
    await expect(renderDocx(wide)).rejects.toThrow(/Sidinställningen/);
    const nan = docWith([], (d) => {
      d.page.widthMm = Number.NaN;
    });
    await expect(renderDocx(nan)).rejects.toThrow(UsageError);
  });

  test('mm → twip', () => {
    expect(mmToTwip(210)).toBe(11906);
    expect(mmToTwip(297)).toBe(16838);
    expect(mmToTwip(25.4)).toBe(1440);
  });
});
