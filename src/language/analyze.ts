/**
 * The klarspråk analysis of one case: counts and LIX per section and for the whole memo, and the findings
 * of every language rule with their exact place. The rules in src/validate/rules/language.ts and the
 * `språk` command both read it, so they always agree.
 */
import type { DecisionBlock, Section } from '../case/model.js';
import { placeholder } from '../case/skeleton.js';
import type { Position } from '../diagnostics.js';
import type { Profile } from '../profile/model.js';
import { LineIndex } from '../util/line-index.js';
import { decimal, type LixBand, lix, lixBand } from './lix.js';
import {
  capitalise,
  firstWords,
  inContext,
  isNominalisation,
  presentOf,
  splitSentence,
  verbFor,
} from './rewrite.js';
import { letterCount, type Span, sentences, words, wordsWithin } from './segment.js';
import { defaultLanguageSettings, type LanguageSettings } from './settings.js';
import { decisionUnits, sectionUnits, type TextUnit } from './text.js';
import { type WordEntry, WordMatcher } from './wordlist.js';

export const languageRuleIds = [
  'sentence-long',
  'paragraph-long',
  'readability',
  'kanslisvenska',
  'noun-style',
  'abbreviation-unexplained',
  'decision-one-sentence',
  'decision-att',
] as const;
export type LanguageRuleId = (typeof languageRuleIds)[number];

export interface LanguageFinding {
  rule: LanguageRuleId;
  message: string;
  hint: string;
  section: string;
  position?: Position;
  /** Index into `units` and the range in that unit's text; absent for a section's or the memo's LIX. */
  unit?: number;
  start: number;
  end: number;
}

export interface SentenceStat {
  unit: number;
  start: number;
  end: number;
  words: number;
  text: string;
  position?: Position;
}

export interface SectionStats {
  heading: string;
  position?: Position;
  words: number;
  sentences: number;
  longWords: number;
  lix: number;
  band: LixBand;
  /** The section's sentences, longest first. */
  longest: SentenceStat[];
}

export interface LanguageAnalysis {
  units: TextUnit[];
  sections: SectionStats[];
  total: SectionStats;
  findings: LanguageFinding[];
  settings: LanguageSettings;
}

export interface AnalysisInput {
  source: string;
  sections: readonly Section[];
  decisions: readonly DecisionBlock[];
  profile: Profile;
}

interface Sentence extends Span {
  unit: number;
  words: Span[];
}

const isProse = (u: TextUnit) => u.kind === 'paragraph' || u.kind === 'decision';
const quote = (text: string) => `"${text}"`;

/** Matchers by word list: building one segments every form, so it is done once per list, not per case. */
const matchers = new WeakMap<readonly WordEntry[], WordMatcher>();
function matcherFor(list: readonly WordEntry[]): WordMatcher {
  const known = matchers.get(list);
  if (known) return known;
  const matcher = new WordMatcher(list);
  matchers.set(list, matcher);
  return matcher;
}

export function analyzeLanguage(input: AnalysisInput): LanguageAnalysis {
  const settings = input.profile.language ?? defaultLanguageSettings();
  const index = new LineIndex(input.source);
  // Decision points first: they are printed before the body.
  const units = [
    ...decisionUnits(input.decisions, input.source, index),
    ...sectionUnits(input.sections, input.source),
  ];
  const at = (unit: number, offset: number) => index.position(units[unit]!.offsets[offset]!);
  const unitWords = units.map((u) => words(u.text));
  const unitSentences: Sentence[][] = units.map((u, i) =>
    isProse(u)
      ? sentences(u.text)
          .map((s) => ({ ...s, unit: i, words: wordsWithin(unitWords[i]!, s) }))
          .filter((s) => s.words.length > 0)
      : [],
  );
  // Long words per sentence, counted once: `stats` sums them for every section and the whole memo.
  const longWords = new Map<Sentence, number>(
    unitSentences.flat().map((s) => [s, s.words.filter((w) => letterCount(w.text) > 6).length]),
  );

  const headingPositions = new Map(input.sections.map((s) => [s.heading, s.position]));
  const headings = [...new Set(units.map((u) => u.section))];
  const stats = (heading: string | undefined): SectionStats => {
    const list = unitSentences
      .flat()
      .filter((s) => heading === undefined || units[s.unit]!.section === heading);
    const counts = {
      words: list.reduce((n, s) => n + s.words.length, 0),
      sentences: list.length,
      longWords: list.reduce((n, s) => n + longWords.get(s)!, 0),
    };
    const value = lix(counts);
    const first = units.findIndex((u) => heading === undefined || u.section === heading);
    const position =
      (heading !== undefined ? headingPositions.get(heading) : undefined) ??
      (first >= 0 ? at(first, 0) : undefined);
    return {
      heading: heading ?? 'Hela skrivelsen',
      ...(position ? { position } : {}),
      ...counts,
      lix: value,
      band: lixBand(value, settings.lix),
      longest: list
        .map((s) => ({
          unit: s.unit,
          start: s.start,
          end: s.end,
          words: s.words.length,
          text: s.text,
          position: at(s.unit, s.start),
        }))
        .sort((a, b) => b.words - a.words || a.unit - b.unit || a.start - b.start),
    };
  };
  const sectionStats = headings.map(stats);
  const total = stats(undefined);

  const findings: LanguageFinding[] = [];
  const add = (
    rule: LanguageRuleId,
    unit: number,
    span: Span | { start: number; end: number },
    message: string,
    hint: string,
  ) =>
    findings.push({
      rule,
      message,
      hint,
      section: units[unit]!.section,
      position: at(unit, span.start),
      unit,
      start: span.start,
      end: span.end,
    });

  // Long sentences and paragraphs.
  for (const s of unitSentences.flat()) {
    if (s.words.length <= settings.maxSentenceWords) continue;
    const split = splitSentence(s.text);
    add(
      'sentence-long',
      s.unit,
      s,
      `Meningen har ${s.words.length} ord; gränsen är ${settings.maxSentenceWords}.`,
      split
        ? `Dela meningen i två, t.ex. ${quote(split)}.`
        : 'Dela meningen i två eller flera, med en tanke i varje.',
    );
  }
  units.forEach((u, i) => {
    const list = unitSentences[i]!;
    const count = list.reduce((n, s) => n + s.words.length, 0);
    if (u.kind !== 'paragraph' || count <= settings.maxParagraphWords) return;
    // Split before the sentence where the first half reaches half the words.
    const before = list.map((_, k) => list.slice(0, k).reduce((n, s) => n + s.words.length, 0));
    const cut = list.find((_, k) => k > 0 && before[k]! >= count / 2);
    add(
      'paragraph-long',
      i,
      { start: 0, end: u.text.length },
      `Stycket har ${count} ord; gränsen är ${settings.maxParagraphWords}.`,
      cut
        ? `Dela stycket före meningen ${quote(firstWords(cut.text, 6))} (rad ${at(i, cut.start).line}), så att varje stycke har en tanke.`
        : 'Stycket är en enda lång mening: dela den i flera meningar och stycken.',
    );
  });

  // Readability per section and for the whole memo (once is enough when the memo has one section).
  for (const st of [...sectionStats, ...(sectionStats.length > 1 ? [total] : [])]) {
    if (st.words < settings.lix.minWords || st.lix <= settings.lix.hard) continue;
    const whole = st === total;
    const longest = st.longest[0]!;
    const average = st.words / st.sentences;
    const share = Math.round((100 * st.longWords) / st.words);
    findings.push({
      rule: 'readability',
      message: `${whole ? 'Skrivelsen som helhet' : `Avsnittet "${st.heading}"`} har LIX ${decimal(st.lix)} (${st.band}): ${st.words} ord i ${st.sentences} ${st.sentences === 1 ? 'mening' : 'meningar'}, ${share} % långa ord.`,
      hint: `Korta meningarna (nu i snitt ${decimal(average)} ord) och byt långa ord mot vanligare. Börja med den längsta meningen (rad ${longest.position!.line}, ${longest.words} ord): ${quote(firstWords(longest.text, 6))}.`,
      section: whole ? '' : st.heading,
      ...(st.position ? { position: st.position } : {}),
      start: 0,
      end: 0,
    });
  }

  // Kanslisvenska from the word list, in every unit (headings and table cells too).
  const matcher = matcherFor(settings.wordList);
  units.forEach((u, i) => {
    for (const m of matcher.match(u.text, unitWords[i]!)) {
      const own = m.entry.formSuggestions[m.key];
      // A form without its own simpler word (a passive, a participle) gets no ready-made example.
      const bare = own === undefined && m.key !== m.entry.word;
      const [first, ...others] = own !== undefined ? [own] : m.entry.suggestions;
      const replacement = /^\p{Lu}/u.test(m.form) ? capitalise(first!) : first!;
      const scope = unitSentences[i]!.find((s) => s.start <= m.span.start && m.span.end <= s.end) ?? {
        start: 0,
        end: u.text.length,
        words: unitWords[i]!,
      };
      const alternatives = others.length ? ` (eller: ${others.join(', ')})` : '';
      add(
        'kanslisvenska',
        i,
        m.span,
        bare
          ? `${quote(m.form)} (av ${quote(m.entry.word)}) är kanslisvenska; skriv hellre en form av ${quote(first!)}.`
          : `${quote(m.form)} är kanslisvenska; skriv hellre ${quote(first!)}.`,
        bare
          ? `Skriv om meningen med ${quote(first!)}${alternatives}.`
          : `T.ex. ${quote(inContext(u.text, scope, m.span, replacement, scope.words))}${alternatives}.`,
      );
    }
  });

  // Noun chains: "utvärdering av förändringen av …" where a verb says it shorter.
  const prepositions = new Set(['av', 'för', 'om', 'till', 'på', 'vid', 'inom', 'kring', 'med']);
  const determiners = new Set(['en', 'ett', 'den', 'det', 'de', 'denna', 'detta', 'dessa']);
  for (const s of unitSentences.flat()) {
    const w = s.words;
    for (let i = 0; i < w.length; i++) {
      if (!isNominalisation(w[i]!.text)) continue;
      let end = i;
      for (let j = i + 1; j < w.length && prepositions.has(w[j]!.text.toLocaleLowerCase('sv')); ) {
        const next = w[j + 1] && determiners.has(w[j + 1]!.text.toLocaleLowerCase('sv')) ? j + 2 : j + 1;
        if (!w[next] || !isNominalisation(w[next]!.text)) break;
        end = next;
        j = next + 1;
      }
      if (end === i) continue;
      const chain = units[s.unit]!.text.slice(w[i]!.start, w[end]!.end).replace(/\s+/g, ' ');
      const verb = verbFor(w[i]!.text);
      const afterAv = w[i + 1]!.text.toLocaleLowerCase('sv') === 'av';
      const rest = afterAv
        ? units[s.unit]!.text.slice(w[i + 2]!.start, w[end]!.end).replace(/\s+/g, ' ')
        : '';
      add(
        'noun-style',
        s.unit,
        { start: w[i]!.start, end: w[end]!.end },
        `Substantivkedjan ${quote(chain)} blir lättare att läsa med ett verb.`,
        verb
          ? `Skriv t.ex. ${quote(afterAv ? `${verb} ${rest}` : verb)} i stället för ${quote(afterAv ? chain : w[i]!.text)}, och säg vem som gör det.`
          : 'Skriv om med ett verb som säger vem som gör vad.',
      );
      i = end;
    }
  }

  // Abbreviations in capitals used before "(IAF)" explains them, or never explained.
  const known = new Set([
    ...settings.knownAbbreviations,
    // What `skrivelse ny` leaves to fill in is the placeholder rule's business.
    ...words(placeholder).map((w) => w.text),
    ...input.profile.boards.flatMap((b) => /^\p{Lu}{2,}(?=\s)/u.exec(b.dnrExample)?.[0] ?? []),
  ]);
  const explained = new Map<string, { unit: number; offset: number }>();
  units.forEach((u, i) => {
    for (const m of u.text.matchAll(/\((\p{Lu}{2,})\)|(?<![\p{L}\d])(\p{Lu}{2,})(?:[:'’]\p{Ll}+)?\s+\(/gu)) {
      const abbr = (m[1] ?? m[2])!;
      if (!explained.has(abbr)) explained.set(abbr, { unit: i, offset: m.index });
    }
  });
  const reported = new Set<string>();
  unitWords.forEach((list, i) => {
    for (const w of list) {
      // "IAF", also inflected: "IAF:s", "IOP'er".
      const abbr = /^(\p{Lu}{2,})(?:[:'’]\p{Ll}+)?$/u.exec(w.text)?.[1];
      if (!abbr || known.has(abbr) || /^[IVXLCDM]+$/.test(abbr) || reported.has(abbr)) continue;
      reported.add(abbr);
      const where = explained.get(abbr);
      if (where && (where.unit < i || (where.unit === i && where.offset <= w.start))) continue;
      add(
        'abbreviation-unexplained',
        i,
        w,
        where
          ? `Förkortningen ${abbr} används innan den förklaras (rad ${at(where.unit, where.offset).line}).`
          : `Förkortningen ${abbr} förklaras inte.`,
        where
          ? `Flytta förklaringen hit, första gången förkortningen används: "<vad ${abbr} står för> (${abbr})".`
          : `Skriv ut den första gången: "<vad ${abbr} står för> (${abbr})", eller lägg den bland kända förkortningar i profilen.`,
      );
    }
  });

  // Decision points: one sentence each, a full sentence with the nämnd as subject.
  units.forEach((u, i) => {
    if (u.kind !== 'decision') return;
    const list = unitSentences[i]!;
    if (list.length > 1) {
      const second = list[1]!;
      add(
        'decision-one-sentence',
        i,
        { start: second.start, end: list.at(-1)!.end },
        `Beslutspunkten har ${list.length} meningar; en beslutspunkt är en enda mening.`,
        `Gör ${quote(firstWords(second.text, 6))} till en egen beslutspunkt, eller flytta den till Ärende om den motiverar beslutet.`,
      );
    }
    const w = unitWords[i]!;
    if (w[0] && w[0].text.toLocaleLowerCase('sv') === 'att') {
      const verb = w[1]?.text ?? '';
      add(
        'decision-att',
        i,
        w[0],
        'Beslutspunkten börjar med "Att".',
        `Skriv en hel mening med nämnden som subjekt, t.ex. ${quote(`${u.board ?? 'Nämnden'} ${presentOf(verb)} …`)} i stället för ${quote(`Att ${verb} …`)}.`,
      );
    }
  });

  // Reading order: by place in the file (a section's LIX at its heading, before its text).
  const key = (f: LanguageFinding) => (f.position ? f.position.line * 1e6 + f.position.column : 0);
  findings.sort((a, b) => key(a) - key(b));
  return { units, sections: sectionStats, total, findings, settings };
}
