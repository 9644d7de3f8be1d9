/** The PDF encoder read back by pdf-lib's own parser: every string and name means exactly its input. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { PDFParser } from 'pdf-lib';
import { describe, expect, test } from 'vitest';
import { asciiString, nameOf, textString } from '../../../src/backends/pdf/index.js';
import { linkUri } from '../../../src/doc/links.js';
import { xmlChars } from '../../../src/util/xml.js';
import { expectedUri, hostileText, hostileUrl } from '../../helpers/hostile.js';

/** Parses `serialised` back as one PDF object followed by a marker, as a reader would. */
function reparse(serialised: string) {
  const parser = PDFParser.forBytesWithOptions(new TextEncoder().encode(`${serialised} /End`));
  const object = (parser as unknown as { parseObject(): unknown }).parseObject();
  const next = (parser as unknown as { parseObject(): unknown }).parseObject();
  return { object, next: String(next) };
}

describe('pdf-text', () => {
  test('asciiString: any 7-bit text is one string object with exactly those bytes', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary-ascii', maxLength: 40 }), (s) => {
        const { object, next } = reparse(asciiString(s).toString());
        expect(Buffer.from((object as { asBytes(): Uint8Array }).asBytes()).toString('latin1')).toBe(s);
        expect(next).toBe('/End');
      }),
      { numRuns: 300 },
    );
    expect(() => asciiString('ä')).toThrow();
  });

  test('textString: any text is one hex string decoding to the text without XML-forbidden characters', () => {
    fc.assert(
      fc.property(hostileText(40), (s) => {
        const { object, next } = reparse(textString(s).toString());
        expect((object as { decodeText(): string }).decodeText()).toBe(xmlChars(s));
        expect(next).toBe('/End');
      }),
      { numRuns: 300 },
    );
  });

  test('nameOf: any text is one name of regular characters whose bytes are its UTF-8', () => {
    fc.assert(
      fc.property(fc.oneof(hostileText(20), fc.constantFrom('a#41', '#', 'text/markdown')), (s) => {
        const serialised = nameOf(s).toString();
        expect(serialised).toMatch(/^\/[!-~]*$/);
        expect(serialised.slice(1)).not.toMatch(/[()<>[\]{}/%]/);
        const { object, next } = reparse(serialised);
        const bytes = (object as { asBytes(): Uint8Array }).asBytes();
        expect(Buffer.from(bytes).toString('latin1')).toBe(
          Buffer.from(s.replaceAll('\u0000', '')).toString('latin1'),
        );
        expect(next).toBe('/End');
      }),
      { numRuns: 300 },
    );
  });

  test('linkUri: printable ASCII kept exactly, the rest percent-encoded, disallowed targets refused', () => {
    fc.assert(
      fc.property(hostileUrl, (href) => {
        const uri = linkUri(href);
        if (/^(?:https?:\/\/|mailto:)\S/i.test(href)) expect(uri).toBe(expectedUri(href));
        else expect(uri).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });
});

describe('one encoder', () => {
  const srcDir = join(import.meta.dirname, '../../../src');
  /** pdf-lib calls that turn a JavaScript string into PDF syntax (PDFHexString.of takes hex digits only). */
  const direct =
    /PDFString\.(?:of|fromDate)\(|PDFHexString\.fromText\(|\.set(?:Title|Author|Subject|Keywords|Creator|Producer|Language|CreationDate|ModificationDate)\(/;

  test('no module but write/pdf-text.ts makes PDF strings from data', () => {
    const offenders = readdirSync(srcDir, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts') && !file.endsWith('pdf-text.ts'))
      .flatMap((file) =>
        readFileSync(join(srcDir, file), 'utf8')
          .split('\n')
          .flatMap((line, i) => (direct.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
      );
    expect(offenders).toEqual([]);
  });
});
