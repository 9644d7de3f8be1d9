/** What the DOCX says in its XML: styles, language, numbering, page setup, furniture, links, escaping. */
import { beforeAll, describe, expect, test } from 'vitest';
import { renderDocx } from '../../../src/backends/docx/index.js';
import { mmToTwip } from '../../../src/backends/docx/units.js';
import type { Block, Doc } from '../../../src/doc/model.js';
import { UsageError } from '../../../src/errors.js';
import { seed001Doc } from '../../fixtures/doc/seed001-doc.js';
import { part, prettyXml, readParts, wordTexts, xpathStrings } from './helpers/parts.js';

const t = (text: string, extra: object = {}) => ({ type: 'text' as const, text, ...extra });
const ordered = (start: number, ...items: string[]): Block => ({
  type: 'list',
  ordered: true,
  start,
  items: items.map((i) => ({ paragraphs: [[t(i)]] })),
});

function docWith(blocks: Block[], change: (d: Doc) => void = () => {}): Doc {
  const doc = seed001Doc();
  doc.blocks = blocks;
  change(doc);
  return doc;
}

const attr = (name: string) => `@*[local-name()='${name}']`;
const el = (name: string) => `*[local-name()='${name}']`;

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
        'Label',
        'ListBullet',
        'ListNumber',
        'Recipients',
        'Rule',
        'Signature',
        'Title',
        'Wordmark',
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
      ['Title', 'Heading1', 'Heading2', 'ListNumber', 'ListBullet', 'Signature', 'Header', 'Footer'].map(
        nameOf,
      ),
    ).toEqual([
      'Title',
      'heading 1',
      'heading 2',
      'List Number',
      'List Bullet',
      'Signature',
      'header',
      'footer',
    ]);
    expect(['Label', 'Rule', 'Recipients', 'Wordmark', 'FooterLabel'].map(nameOf)).toEqual([
      'Ledtext',
      'Avdelare',
      'Sändlista',
      'Kommunnamn',
      'Sidfot ledtext',
    ]);
  });

  test('title → Title, level 2 → Heading 1, level 3 → Heading 2, in the order of the Doc', () => {
    const doc = part(parts, 'word/document.xml');
    const styleOf = (text: string) =>
      xpathStrings(
        doc,
        `string(//${el('p')}[.//${el('t')}[.='${text}']]/${el('pPr')}/${el('pStyle')}/${attr('val')})`,
      );
    expect(styleOf('Ärende')).toEqual(['Heading1']);
    expect(styleOf('Uppföljning 2022 – resultat av insatsen, avtalet')).toEqual(['Heading2']);
    expect(styleOf(seed001Doc().meta.title)).toEqual(['Title']);
  });

  test('headings keep with the next paragraph (via their styles)', () => {
    const styles = part(parts, 'word/styles.xml');
    for (const id of ['Title', 'Heading1', 'Heading2', 'Label', 'Signature']) {
      expect(
        xpathStrings(
          styles,
          `count(//${el('style')}[${attr('styleId')}='${id}']/${el('pPr')}/${el('keepNext')})`,
        ),
        id,
      ).toEqual(['1']);
    }
  });

  test('the underscore rule is written as underscores', () => {
    expect(wordTexts(part(parts, 'word/document.xml'))).toContain('__________');
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

  test('both heads carry PAGE and NUMPAGES fields; the first has only those, the later the short head', () => {
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
    for (const header of [first, later]) {
      const instructions = xpathStrings(header, `//${el('instrText')}/text()`).map((s) => s.trim());
      expect(instructions).toEqual(['PAGE', 'NUMPAGES']);
    }
    const f = seed001Doc().furniture;
    // The head is content, in the body (next test); the first-page header keeps only the page number.
    expect(wordTexts(first)).toEqual([' (', ')']);
    expect(wordTexts(later).filter((s) => s.trim() !== '')).toEqual([...f.shortHead, ' (', ')']);
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
      'Information enligt 19\u00A0§ medbestämmandelagen har lämnats.',
    ]);
    expect(xpathStrings(doc, `count(${before}/${el('pPr')}/${el('keepNext')})`)).toEqual(['1']);
    const recipients = `//${styled('Recipients')}`;
    expect(xpathStrings(doc, `count(${recipients})`)).toEqual(['1']);
    expect(xpathStrings(doc, `count(${recipients}/${el('pPr')}/${el('keepNext')})`)).toEqual(['0']);
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
      String(mmToTwip(7.5)),
    ]);
  });

  test("the List Number and List Bullet styles number with the Doc's first list of their kind", async () => {
    const doc = docWith([
      { type: 'list', ordered: true, start: 1, items: [] },
      ordered(1, 'Ett'),
      ordered(1, 'Annat ett'),
      { type: 'list', ordered: false, start: 1, items: [{ paragraphs: [[t('Punkt')]] }] },
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
        items: [{ paragraphs: [[t('Ett')]] }, { paragraphs: [] }, { paragraphs: [[t('Tre')]] }],
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
        items: [{ paragraphs: [[t('Punkt')], [t('Mer om punkten')]] }],
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
      String(mmToTwip(7.5)),
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
    for (const h of headers) {
      const texts = wordTexts(part(parts, h));
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
