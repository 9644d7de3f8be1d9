/**
 * Images in a case: read from the case's folder when the case is read, every problem a fel at the image's
 * line (no alt text, a web address, outside the folder, missing, not PNG/JPEG, broken, too large, inside a
 * sentence), and a valid image reaches the Doc as a figure with its alt text and pixel size.
 */
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { maxImageBytes } from '../../../src/case/images.js';
import { readCase, readCaseFile } from '../../../src/case/read.js';
import { renderDoc } from '../../../src/render/index.js';
import { makePng } from '../../helpers/png.js';
import { brief, linkoping, withoutLanguage } from './helpers.js';

const source = readFileSync('cases/son-2020-281-arbetsinriktad-rehabilitering.md', 'utf8');
let dir: string;

/** A case in `dir` with `markdown` first in Ärende; returns the diagnostics and the Case. */
function caseWith(markdown: string, name = 'ärende.md') {
  const file = join(dir, name);
  writeFileSync(file, source.replace(/^## Ärende\n/m, `## Ärende\n\n${markdown}\n`));
  const line = source.slice(0, source.indexOf('## Ärende')).split('\n').length + 2;
  return { read: readCaseFile(file, linkoping), line };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'skrivelse-bilder-'));
  mkdirSync(join(dir, 'bilder'));
  writeFileSync(join(dir, 'bilder', 'karta över området.png'), makePng(300, 150));
  writeFileSync(join(dir, 'trasig.png'), makePng(40, 40).subarray(0, 60));
  writeFileSync(join(dir, 'text.png'), 'inte en bild');
  const jpeg = readFileSync('tests/fixtures/images/pdf-photo.jpg');
  writeFileSync(join(dir, 'foto.jpg'), jpeg);
  // The same file claiming four colour components in its frame header: a CMYK JPEG to check.
  const cmyk = Buffer.from(jpeg);
  for (let at = 2; at < cmyk.length; at += 2 + cmyk.readUInt16BE(at + 2)) {
    if (cmyk[at + 1] === 0xc0 || cmyk[at + 1] === 0xc2) {
      cmyk[at + 9] = 4;
      break;
    }
  }
  writeFileSync(join(dir, 'cmyk.jpg'), cmyk);
  writeFileSync(join(dir, 'stor.png'), Buffer.alloc(maxImageBytes + 1));
  const outside = mkdtempSync(join(tmpdir(), 'skrivelse-utanför-'));
  writeFileSync(join(outside, 'hemlig.png'), makePng(10, 10));
  symlinkSync(join(outside, 'hemlig.png'), join(dir, 'länk.png'));
});

describe('images in a case', () => {
  it('a PNG beside the case becomes a figure with its alt text and size', () => {
    const { read } = caseWith('![Karta över planområdet](bilder/karta%20över%20området.png)');
    expect(brief(withoutLanguage(read.diagnostics))).toEqual([]);
    const doc = renderDoc(read.case!, linkoping);
    const figure = doc.blocks.find((b) => b.type === 'figure');
    expect(figure).toMatchObject({
      type: 'figure',
      alt: 'Karta över planområdet',
      image: { format: 'png', widthPx: 300, heightPx: 150 },
    });
  });

  it('a JPEG is a figure too', () => {
    const { read } = caseWith('![Foto av entrén](foto.jpg)');
    expect(brief(withoutLanguage(read.diagnostics))).toEqual([]);
    const figure = renderDoc(read.case!, linkoping).blocks.find((b) => b.type === 'figure');
    expect(figure).toMatchObject({ image: { format: 'jpeg' } });
  });

  it.each([
    ['a CMYK JPEG', '![Foto](cmyk.jpg)', 'image-format'],
    ['no alt text', '![](bilder/karta%20över%20området.png)', 'image-alt'],
    ['a web address', '![Karta](https://example.org/karta.png)', 'image-remote'],
    ['a data address', '![Karta](data:image/png;base64,AAAA)', 'image-remote'],
    ['a path out of the folder', '![Karta](../karta.png)', 'image-path'],
    ['an absolute path', '![Karta](/etc/passwd)', 'image-path'],
    ['a link that leads out of the folder', '![Karta](länk.png)', 'image-path'],
    ['a missing file', '![Karta](finns-inte.png)', 'image-missing'],
    ['a name that is no path (a bad % escape)', '![Karta](a%ZZ.png)', 'image-missing'],
    ['a name with a NUL', '![Karta](%00.png)', 'image-missing'],
    ['a folder', '![Karta](bilder)', 'image-missing'],
    ['a text file', '![Karta](text.png)', 'image-format'],
    ['a truncated PNG', '![Karta](trasig.png)', 'image-format'],
    ['a file over the size limit', '![Karta](stor.png)', 'image-format'],
    ['an image inside a sentence', 'Se ![Karta](bilder/karta%20över%20området.png) här.', 'image-placement'],
  ])('%s is a fel at the image', (_, markdown, rule) => {
    const { read, line } = caseWith(markdown);
    expect(read.case).toBeUndefined();
    const found = read.diagnostics.filter((d) => d.rule === rule);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'fel', position: { line } });
    expect(found[0]!.message).toMatch(/[åäö]|bild/i);
    expect(found[0]!.hint).toBeTruthy();
  });

  it('reads no file when told not to (diff of a version whose folder is not at hand), still checks the text', () => {
    const text = source.replace(/^## Ärende\n/m, '## Ärende\n\n![Karta](finns-inte.png)\n\n![](x.png)\n');
    const read = readCase(text, join(dir, 'gammal.md'), linkoping, { readImage: false });
    expect(read.diagnostics.map((d) => d.rule).filter((r) => r.startsWith('image-'))).toEqual(['image-alt']);
    const ok = readCase(text.replace('![](x.png)', ''), join(dir, 'gammal.md'), linkoping, {
      readImage: false,
    });
    expect(ok.case?.images.size).toBe(0);
    const doc = renderDoc(ok.case!, linkoping);
    expect(doc.blocks.some((b) => b.type === 'figure')).toBe(false);
    expect(JSON.stringify(doc.blocks)).toContain('"text":"Karta"');
  });

  it('reports every image problem at once', () => {
    const { read } = caseWith('![](saknas.png)\n\n![Karta](http://x.se/a.png)\n\n![Karta](text.png)');
    expect(read.diagnostics.map((d) => d.rule).filter((r) => r.startsWith('image-'))).toEqual([
      'image-alt',
      'image-missing',
      'image-remote',
      'image-format',
    ]);
  });
});
