/**
 * The klarspråk word list (templates/klarsprak.yaml): words and phrases with simpler alternatives, and the
 * abbreviations every reader knows. Matching is on whole words as Intl.Segmenter finds them, so "samt"
 * never matches inside "samtal", and a phrase matches only word after word ("äger rum").
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { packageRoot } from '../util/package-info.js';
import { type Span, words } from './segment.js';

export interface WordEntry {
  /** The headword shown in messages, e.g. "erhålla" or "i enlighet med". */
  word: string;
  /** Every form that is matched, the headword first. */
  forms: string[];
  /** Simpler alternatives; the first is used in the example rewrite. */
  suggestions: string[];
  /** The simpler word for one form, where the entry says it ("utgör" → "är"). */
  formSuggestions: Record<string, string>;
}

const phrase = z.string().trim().min(1, 'får inte vara tom');
/** A form, alone or with its own simpler word: `utgör` or `utgör: är`. */
const form = z.union([
  phrase,
  z.record(phrase, phrase).refine((m) => Object.keys(m).length === 1, 'en form per rad: "form: ersättning"'),
]);

/** One entry as written in YAML (the list file and a profile's `lägg_till:`). */
export const wordEntrySchema = z.strictObject({
  ord: phrase,
  former: z.array(form).optional(),
  förslag: z.array(phrase).min(1, 'minst ett förslag behövs'),
});

export function toWordEntry(raw: z.infer<typeof wordEntrySchema>): WordEntry {
  const fold = (t: string) => t.toLocaleLowerCase('sv');
  const forms = (raw.former ?? []).map((f) => (typeof f === 'string' ? [f] : Object.entries(f)[0]!));
  return {
    word: fold(raw.ord),
    forms: [fold(raw.ord), ...forms.map(([f]) => fold(f!))],
    suggestions: raw.förslag,
    formSuggestions: Object.fromEntries(forms.flatMap(([f, s]) => (s === undefined ? [] : [[fold(f!), s]]))),
  };
}

const listSchema = z.strictObject({
  ord: z.array(wordEntrySchema),
  kända_förkortningar: z.array(z.string().regex(/^\p{Lu}+$/u)),
});

export interface WordList {
  entries: WordEntry[];
  knownAbbreviations: string[];
}

export const wordListPath = () => join(packageRoot, 'templates', 'klarsprak.yaml');

let shipped: WordList | undefined;

/** The list shipped with the tool, read once. A broken list is a bug in the tool, so it throws. */
export function shippedWordList(): WordList {
  if (!shipped) {
    const raw = listSchema.parse(parse(readFileSync(wordListPath(), 'utf8')));
    shipped = { entries: raw.ord.map(toWordEntry), knownAbbreviations: raw.kända_förkortningar };
  }
  return shipped;
}

const fold = (text: string) => text.toLocaleLowerCase('sv');

export interface WordMatch {
  entry: WordEntry;
  /** The entry's form that matched (lower case). */
  key: string;
  /** The matched form as written in the text. */
  form: string;
  /** The words of the match (one for a single word). */
  span: { start: number; end: number };
}

/** Finds the entries' forms in a sequence of words; the longest form wins where two start at one word. */
export class WordMatcher {
  private readonly byFirst = new Map<string, { tokens: string[]; key: string; entry: WordEntry }[]>();

  constructor(entries: readonly WordEntry[]) {
    for (const entry of entries) {
      for (const form of entry.forms) {
        const tokens = words(form).map((w) => fold(w.text));
        if (tokens.length === 0) continue;
        const list = this.byFirst.get(tokens[0]!) ?? [];
        list.push({ tokens, key: form, entry });
        list.sort((a, b) => b.tokens.length - a.tokens.length);
        this.byFirst.set(tokens[0]!, list);
      }
    }
  }

  match(text: string, spans: readonly Span[]): WordMatch[] {
    const found: WordMatch[] = [];
    for (let i = 0; i < spans.length; i++) {
      const candidates = this.byFirst.get(fold(spans[i]!.text));
      // Word after word, with only white space between them ("inom ramen för", not "inom ramen, för").
      const hit = candidates?.find((c) =>
        c.tokens.every(
          (t, k) =>
            spans[i + k] !== undefined &&
            fold(spans[i + k]!.text) === t &&
            (k === 0 || /^\s+$/.test(text.slice(spans[i + k - 1]!.end, spans[i + k]!.start))),
        ),
      );
      if (!hit) continue;
      const last = spans[i + hit.tokens.length - 1]!;
      const span = { start: spans[i]!.start, end: last.end };
      found.push({ entry: hit.entry, key: hit.key, form: text.slice(span.start, span.end), span });
      i += hit.tokens.length - 1;
    }
    return found;
  }
}
