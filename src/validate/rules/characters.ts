/** Character-level rules over the whole file: control characters, invisible characters, personnummer. */
import { fieldLabel } from '../../case/issues.js';
import { maskedRanges } from '../../case/masks.js';
import { findPersonnummer } from '../../case/personnummer.js';
import { LineIndex } from '../../util/line-index.js';
import type { PathPart } from '../../util/yaml-position.js';
import type { Finding, Rule, RuleContext } from '../rule.js';

const codePoint = (ch: string) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

function scan(
  ctx: RuleContext,
  pattern: RegExp,
  finding: (ch: string) => Omit<Finding, 'position'>,
): Finding[] {
  const index = new LineIndex(ctx.source);
  return [...ctx.source.matchAll(pattern)].map((m) => ({
    ...finding(m[0]),
    position: index.position(m.index),
  }));
}

/** Controls (but tab, LF, CR), U+FFFE/U+FFFF and lone surrogates: XML, PDF/A and Word cannot hold them all. */
const control =
  /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Every string in the front-matter data with its path. */
export function* strings(value: unknown, path: PathPart[]): Generator<[string, PathPart[]]> {
  if (typeof value === 'string') yield [value, path];
  else if (Array.isArray(value)) for (const [i, v] of value.entries()) yield* strings(v, [...path, i]);
  else if (value !== null && typeof value === 'object' && !(value instanceof Date))
    for (const [k, v] of Object.entries(value)) yield* strings(v, [...path, k]);
}

/**
 * Control characters a YAML escape (`"\x07"`, `"\0"`, `"\uD800"`) puts into a value without the file
 * holding them. A character also written literally is already reported by the file scan.
 */
function escapedControls(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const [value, path] of strings(ctx.data, [])) {
    const ch = value.match(control)?.find((c) => !ctx.source.includes(c));
    if (ch === undefined) continue;
    out.push({
      message: `Fältet ${fieldLabel(path)} innehåller styrtecknet ${codePoint(ch)}, skrivet som escape-sekvens.`,
      hint: 'Ta bort escape-sekvensen (t.ex. \\x07) inom citattecknen; tecknet syns inte och kan inte arkiveras.',
      position: ctx.locate(path),
      field: path.map(String).join('.'),
    });
  }
  return out;
}

export const controlChar: Rule = {
  severity: 'fel',
  locked: 'styrtecken kan inte skrivas i PDF/A eller Word-filer',
  description:
    'Styrtecken (utom radbrytning och tabb) får inte finnas i filen, inte heller som escape-sekvens.',
  check: (ctx) => [
    ...scan(ctx, control, (ch) => ({
      message: `Osynligt styrtecken ${codePoint(ch)} i texten.`,
      hint: 'Ta bort tecknet; det kommer ofta från inklistrad text.',
    })),
    ...escapedControls(ctx),
  ],
};

const invisibleNames: Record<string, string> = {
  '\u200B': 'nollbreddsmellanslag',
  '\u200C': 'nollbreddsicke-sammanfogare',
  '\u200D': 'nollbreddssammanfogare',
  '\u200E': 'vänster-till-höger-markering',
  '\u200F': 'höger-till-vänster-markering',
  '\u2060': 'ordsammanfogare',
  '\uFEFF': 'byte order mark mitt i texten',
};

export const invisibleChar: Rule = {
  severity: 'varning',
  description: 'Osynliga tecken (nollbreddstecken, riktningsmarkeringar) i texten.',
  check: (ctx) =>
    scan(ctx, /[\u200B-\u200F\u2060\uFEFF\u202A-\u202E\u2066-\u2069]/g, (ch) => ({
      message: `Osynligt tecken ${codePoint(ch)} (${invisibleNames[ch] ?? 'riktningsstyrning'}) i texten.`,
      hint: 'Ta bort tecknet; det syns inte men kan störa sökning, kopiering och skärmläsare.',
    })),
};

export const personnummer: Rule = {
  severity: 'varning',
  description:
    'Personnummer i texten: skrivelsen blir en allmän handling; numret maskeras när den publiceras.',
  check: (ctx) => {
    const index = new LineIndex(ctx.source);
    // Text a mark or a secret section already masks is not reported again.
    const masked = maskedRanges(ctx.sections, ctx.draft?.secrecy ?? []);
    return findPersonnummer(ctx.source)
      .filter((m) => !masked.some((r) => m.index >= r.start && m.index < r.end))
      .map((m) => ({
        message: `"${m.text}" ser ut som ett personnummer. Det maskeras i publiceringsexemplaret (skrivelse publicera) men står kvar i skrivelsen och i arkivexemplaret.`,
        hint: 'Tjänsteskrivelser är allmänna handlingar. Ta bort personnumret om det inte behövs, eller skriv :maskera[…]{grund="…"} runt det eller sekretessmarkera avsnittet.',
        position: index.position(m.index),
      }));
  },
};
