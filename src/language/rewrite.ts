/** Concrete rewrites for the hints: a sentence split in two, a word replaced in its context, a verb for a noun. */
import { type Span, words } from './segment.js';

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

export const capitalise = (text: string) => text.charAt(0).toLocaleUpperCase('sv') + text.slice(1);

/** Up to `count` words of `text` from the start or (negative count) from the end, marked with "…" when cut. */
export function firstWords(text: string, count: number): string {
  const w = words(text);
  if (w.length <= count) return oneLine(text);
  return `${oneLine(text.slice(0, w[count - 1]!.end))} …`;
}

/** "… före ersättning efter …": the replacement with a few words of context on each side, within `scope`. */
export function inContext(
  text: string,
  scope: { start: number; end: number },
  match: { start: number; end: number },
  replacement: string,
  /** The words of the scope, where the caller has them (offsets in `text`). */
  scopeWords: readonly Span[] = words(text.slice(scope.start, scope.end), scope.start),
  around = 4,
): string {
  const w = scopeWords;
  const before = w.filter((x) => x.end <= match.start).slice(-around);
  const after = w.filter((x) => x.start >= match.end).slice(0, around);
  const from = before[0]?.start ?? match.start;
  const to = after.at(-1)?.end ?? match.end;
  const lead = from > scope.start ? '… ' : '';
  const tail = to < scope.end && after.length === around ? ' …' : '';
  return `${lead}${oneLine(`${text.slice(from, match.start)}${replacement}${text.slice(match.end, to)}`)}${tail}`;
}

/** Joining words where a long sentence can be split, with what starts the second sentence. */
const joiners: Record<string, string> = {
  och: '',
  samt: '',
  men: 'Men',
  vilket: 'Det',
  varvid: 'Då',
  eftersom: 'Det beror på att',
  då: 'Då',
  därför: 'Därför',
  så: 'Därför',
};

/**
 * A long sentence as two: cut where a comma, semicolon or joining word is nearest the middle, each half at
 * least five words. Undefined when the sentence has no such place.
 */
export function splitSentence(sentence: string): string | undefined {
  const w = words(sentence);
  let best: { at: number; score: number } | undefined;
  for (let i = 5; i <= w.length - 5; i++) {
    const gap = sentence.slice(w[i - 1]!.end, w[i]!.start);
    const key = w[i]!.text.toLocaleLowerCase('sv');
    // "och" and "samt" join clauses only after a comma; without one they mostly join words.
    const joiner = key in joiners && (joiners[key] !== '' || /,/.test(gap));
    // "Social- och omsorgsnämnden": a hyphen before "och" joins words, not clauses.
    if ((!/[,;]/.test(gap) && !joiner) || /[-–]/.test(gap)) continue;
    // A joining word after a comma is the best place; a bare comma may be inside a list.
    const score = Math.abs(i - w.length / 2) + (joiner ? (/,/.test(gap) ? -1 : 0) : 3);
    if (!best || score < best.score) best = { at: i, score };
  }
  if (!best) return undefined;
  const cut = w[best.at]!;
  const first = sentence.slice(0, cut.start).replace(/[\s,;]+$/u, '');
  const joiner = joiners[cut.text.toLocaleLowerCase('sv')];
  const rest =
    joiner === undefined
      ? capitalise(sentence.slice(cut.start))
      : joiner === ''
        ? capitalise(sentence.slice(w[best.at + 1]!.start))
        : `${joiner}${sentence.slice(cut.end)}`;
  const tail = words(first).slice(-4)[0]!;
  return `… ${oneLine(first.slice(tail.start))}. ${firstWords(rest, 5)}`;
}

/**
 * Nouns made from verbs (utredning, förhandling, beskrivelse, information) and their inflections. A genitive
 * ("förvaltningens förslag") qualifies the next noun and ends no chain; "enlighet" only lives in "i enlighet
 * med", which the word list reports.
 */
const nominal = /(?:ing|else|het|tion)(?:en|ar|arna|er|erna)?$/u;
const fixedPhrases = new Set(['enlighet']);

export function isNominalisation(word: string): boolean {
  const w = word.toLocaleLowerCase('sv');
  return /^\p{Ll}+$/u.test(w) && w.length >= 7 && nominal.test(w) && !fixedPhrases.has(w);
}

/**
 * The verb behind a nominalisation where the ending says it for sure: planering → planera, förhandling →
 * förhandla, beskrivelse → beskriva, information → informera. Plain -ning (utredning, räkning) and -het
 * are left without a guess.
 */
export function verbFor(noun: string): string | undefined {
  const w = noun.toLocaleLowerCase('sv');
  const inflection = '(?:en|ens|ar|arna|er|erna|s)?$';
  const era = new RegExp(`^(.{3,})ering${inflection}`, 'u').exec(w);
  if (era) return `${era[1]}era`;
  const la = new RegExp(`^(.{3,}[^aeiouyåäö])ling${inflection}`, 'u').exec(w);
  if (la) return `${la[1]}la`;
  const else_ = new RegExp(`^(.{3,})else${inflection}`, 'u').exec(w);
  if (else_) return `${else_[1]}a`;
  const ation = new RegExp(`^(.{3,})ation${inflection}`, 'u').exec(w);
  if (ation) return `${ation[1]!.replace(/k$/, 'c')}era`;
  return undefined;
}

/** Present tense of common decision verbs, for "Att godkänna …" → "Nämnden godkänner …". */
const presentTense: Record<string, string> = {
  godkänna: 'godkänner',
  anta: 'antar',
  fastställa: 'fastställer',
  ge: 'ger',
  uppdra: 'uppdrar',
  lägga: 'lägger',
  avslå: 'avslår',
  tillstyrka: 'tillstyrker',
  avstyrka: 'avstyrker',
  förlänga: 'förlänger',
  avsätta: 'avsätter',
  utse: 'utser',
  upphäva: 'upphäver',
  inte: 'beslutar att inte',
};

export function presentOf(infinitive: string): string {
  const w = infinitive.toLocaleLowerCase('sv');
  return presentTense[w] ?? (w.endsWith('a') ? `${w}r` : `beslutar att ${w}`);
}
