/** Tables, figures and block quotes for hand-built Docs, and the image fixtures (tests/fixtures/images). */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { imageSize } from 'image-size';
import type {
  Block,
  ColumnAlign,
  FigureBlock,
  ImageAsset,
  Inline,
  QuoteBlock,
  QuoteContent,
  TableBlock,
  TableCell,
} from '../../../../src/doc/model.js';
import { bullets, item } from '../../../fixtures/doc/lists.js';

const imagesDir = join(dirname(fileURLToPath(import.meta.url)), '../../../fixtures/images');

export type ImageFixture = 'chart.png' | 'wide.png' | 'photo.jpg' | 'tall.jpg';

/** An image fixture as the case reader gives it: bytes, format and pixel size from its header. */
export function imageAsset(name: ImageFixture): ImageAsset {
  const bytes = new Uint8Array(readFileSync(join(imagesDir, name)));
  const size = imageSize(bytes);
  return {
    format: size.type === 'png' ? 'png' : 'jpeg',
    bytes,
    widthPx: size.width,
    heightPx: size.height,
  };
}

export const figure = (name: ImageFixture, alt: string): FigureBlock => ({
  type: 'figure',
  alt,
  image: imageAsset(name),
});

const t = (text: string, opts: { bold?: boolean; italic?: boolean; href?: string } = {}): Inline => ({
  type: 'text',
  text,
  ...opts,
});

/** A cell of this text ('' an empty cell), or of these inlines. */
export const cell = (content: string | Inline[]): TableCell => ({
  inlines: typeof content === 'string' ? (content === '' ? [] : [t(content)]) : content,
});

export function table(align: ColumnAlign[], header: string[], rows: (string | Inline[])[][]): TableBlock {
  return { type: 'table', align, header: header.map(cell), rows: rows.map((r) => r.map(cell)) };
}

/**
 * Insatser per år: a text column, two number columns (right) and a comment column, with formatting and a
 * link in cells, an empty cell and a line break.
 */
export function insatserTable(): TableBlock {
  return table(
    ['left', 'right', 'right', 'left'],
    ['Insats', 'Antal 2022', 'Antal 2023', 'Kommentar'],
    [
      ['Arbetsträning', '128', '141', 'Ökning efter omorganisationen'],
      [
        'Praktik',
        '57',
        '49',
        [t('Se '), t('kommunens webbplats', { href: 'https://www.linkoping.se/' }), t(' för mer.')],
      ],
      [[t('Studier', { bold: true })], '1 204', '', [t('Uppgift saknas'), { type: 'break' }, t('för 2023')]],
    ],
  );
}

/** A quote with a paragraph, a list, a table and a quote in it (which has a paragraph of its own). */
export function nestedQuote(): QuoteBlock {
  const para = (text: string): QuoteContent => ({ type: 'paragraph', inlines: [t(text)] });
  return {
    type: 'quote',
    blocks: [
      para('Citerad mening ett.'),
      bullets(item('Citerad punkt')),
      table(['left', 'right'], ['Post', 'Belopp'], [['Hyra', '12 000']]),
      { type: 'quote', blocks: [para('Djupare citat.')] },
      para('Citerad mening två.'),
    ],
  };
}

/** Every new construct at once: a table, a PNG and a JPEG figure, a nested quote, two tables in a row. */
export function richBlocks(): Block[] {
  const p = (text: string): Block => ({ type: 'paragraph', role: 'body', inlines: [t(text)] });
  return [
    { type: 'heading', level: 2, inlines: [t('Statistik')] },
    insatserTable(),
    p('Efter tabellen.'),
    figure('chart.png', 'Stapeldiagram över insatser per år'),
    figure('photo.jpg', 'Foto av verksamhetens lokaler'),
    nestedQuote(),
    table(['left'], ['Första'], [['a']]),
    table(['left'], ['Andra'], [['b']]),
    p('Slut.'),
  ];
}
