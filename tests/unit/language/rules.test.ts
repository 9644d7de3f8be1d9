/** The klarspråk rules: segmentation, LIX by hand, the word list, positions, and the seeds' real sentences. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCase, readCaseFile } from '../../../src/case/read.js';
import { languageRuleIds } from '../../../src/language/analyze.js';
import { lix, lixBand } from '../../../src/language/lix.js';
import { letterCount, sentences, words } from '../../../src/language/segment.js';
import { shippedWordList } from '../../../src/language/wordlist.js';
import { rules } from '../../../src/validate/index.js';
import { brief, linkoping } from '../case/helpers.js';
import { at, language, memoText } from './helpers.js';

/** LIX of a text by the module's own counting, to compare with values worked out by hand. */
function lixOf(text: string): { words: number; sentences: number; longWords: number; lix: number } {
  const s = sentences(text);
  const w = s.flatMap((x) => words(x.text));
  const counts = {
    words: w.length,
    sentences: s.length,
    longWords: w.filter((x) => letterCount(x.text) > 6).length,
  };
  return { ...counts, lix: lix(counts) };
}

const textA = 'Nämnden beslutar att godkänna avtalet. Förvaltningen får i uppdrag att genomföra insatserna.';

describe('segmentation (Intl.Segmenter, sv)', () => {
  it('Node has Swedish segmentation', () => {
    expect(Intl.Segmenter.supportedLocalesOf(['sv'])).toEqual(['sv']);
  });

  it('keeps t.ex., bl.a., m.m., kl. 10.00 and 3 kap. 5 § inside their sentences', () => {
    expect(
      sentences('Vi ses t.ex. i morgon kl. 10.00 i salen. Sedan bl.a. fika m.m. Det blir bra.').map(
        (s) => s.text,
      ),
    ).toEqual(['Vi ses t.ex. i morgon kl. 10.00 i salen.', 'Sedan bl.a. fika m.m.', 'Det blir bra.']);
    expect(sentences('Det följer av 3 kap. 5 § socialtjänstlagen. Nästa mening.')).toHaveLength(2);
  });

  it('a sentence that starts with a number joins the one before (Unicode rule SB8, documented)', () => {
    expect(sentences('Kostnaden ökade år 2024. 2025 blir den lägre.')).toHaveLength(1);
    expect(sentences('Kostnaden ökade år 2024. Nästa år blir den lägre.')).toHaveLength(2);
  });

  it('numbers are not words; t.ex has three letters', () => {
    expect(words('Kostnaden är 450 000 kr, t.ex. i år.').map((w) => w.text)).toEqual([
      'Kostnaden',
      'är',
      'kr',
      't.ex',
      'i',
      'år',
    ]);
    expect(letterCount('t.ex')).toBe(3);
  });
});

describe('LIX', () => {
  it('matches values computed by hand', () => {
    // 12 words, 2 sentences, 8 longer than six letters: 12/2 + 100 × 8/12 = 72.67.
    expect(lixOf(textA)).toEqual({ words: 12, sentences: 2, longWords: 8, lix: 72.7 });
    // 7 words, 2 sentences, none long: 3.5.
    expect(lixOf('Vi ses i dag. Det är bra.')).toEqual({ words: 7, sentences: 2, longWords: 0, lix: 3.5 });
    // "Vi träffas t.ex kl i Stadshuset" + "Sedan äter vi": 9 words, 2 sentences, 2 long: 4.5 + 22.2.
    expect(lixOf('Vi träffas t.ex. kl. 10.00 i Stadshuset. Sedan äter vi.')).toEqual({
      words: 9,
      sentences: 2,
      longWords: 2,
      lix: 26.7,
    });
  });

  it('bands by the profile limits', () => {
    const limits = { hard: 50, veryHard: 60 };
    expect([25, 35, 45, 55, 65].map((v) => lixBand(v, limits))).toEqual([
      'mycket lättläst',
      'lättläst',
      'medelsvår',
      'svår',
      'mycket svår',
    ]);
  });

  it('readability reports a hard section with its value and band, at its heading', () => {
    // Ärende: textA six times (72 words, 12 sentences, 48 long) and the conclusion (10 words, 1 sentence,
    // 4 long): 82/13 + 100 × 52/82 = 69.7.
    const d = language(Array(6).fill(textA).join(' '));
    const r = d.filter((x) => x.rule === 'readability' && x.message.includes('"Ärende"'));
    expect(r.map((x) => [x.severity, x.position, x.message])).toEqual([
      [
        'info',
        { line: 31, column: 1 },
        'Avsnittet "Ärende" har LIX 69,7 (mycket svår): 82 ord i 13 meningar, 63 % långa ord.',
      ],
    ]);
  });

  it('no LIX finding for a section under 80 words', () => {
    expect(at(language(textA), 'readability')).toEqual([]);
  });
});

describe('kanslisvenska from templates/klarsprak.yaml', () => {
  const entries = shippedWordList().entries;

  it('the list has the words the issue names', () => {
    const heads = entries.map((e) => e.word);
    for (const w of [
      'varvid',
      'avseende',
      'i enlighet med',
      'erhålla',
      'tillhandahålla',
      'inom ramen för',
      'i syfte att',
      'beträffande',
      'föreligga',
      'vederbörande',
      'äga rum',
      'i dagsläget',
      'samt',
    ])
      expect(heads).toContain(w);
  });

  it('finds every form of every entry, mid-sentence and capitalised at the start, at its column', () => {
    for (const entry of entries) {
      for (const form of entry.forms) {
        const mid = language(`Vi skriver ${form} här.`).filter((d) => d.rule === 'kanslisvenska');
        expect(
          mid.map((d) => d.position),
          form,
        ).toEqual([{ line: 33, column: 12 }]);
        expect(mid[0]!.message, form).toMatch(new RegExp(`^"${form}"`));
        const first = form.charAt(0).toLocaleUpperCase('sv') + form.slice(1);
        const start = language(`${first} gäller här.`).filter((d) => d.rule === 'kanslisvenska');
        expect(
          start.map((d) => d.position),
          first,
        ).toEqual([{ line: 33, column: 1 }]);
      }
    }
  });

  it('gives the inflected simpler word in a rewritten example', () => {
    const one = (text: string) => language(text).find((d) => d.rule === 'kanslisvenska')!;
    expect(one('Lokalen utgör en risk.')).toMatchObject({
      message: '"utgör" är kanslisvenska; skriv hellre "är".',
      hint: 'T.ex. "Lokalen är en risk".',
    });
    expect(one('Mötet ägde rum i mars.').hint).toBe('T.ex. "Mötet hölls i mars".');
    expect(one('Beslutet fattas i enlighet med lagen.').hint).toContain('"Beslutet fattas enligt lagen"');
    expect(one('Tre deltagare har erhållit arbete.').hint).toContain('"Tre deltagare har fått arbete"');
    expect(one('Avgiften erhölls i maj.').message).toBe(
      '"erhölls" (av "erhålla") är kanslisvenska; skriv hellre en form av "få".',
    );
    expect(one('Samt därtill kommer avgiften.').hint).toContain('"Och därtill kommer avgiften"');
  });

  it('matches whole words and phrases only, also across a line break', () => {
    expect(at(language('Vi har ett samtal med brukarna om samtliga frågor.'), 'kanslisvenska')).toEqual([]);
    expect(at(language('Arbetet sker inom ramen, för att spara tid.'), 'kanslisvenska')).toEqual([]);
    const split = language('Arbetet sker inom ramen\nför projektet.').filter(
      (d) => d.rule === 'kanslisvenska',
    );
    expect(split.map((d) => [d.position, d.message])).toEqual([
      [{ line: 33, column: 14 }, '"inom ramen för" är kanslisvenska; skriv hellre "inom".'],
    ]);
  });

  it('never checks the template’s sentences (MBL wording from the profile)', () => {
    const profile = {
      ...linkoping,
      mbl: {
        ...linkoping.mbl,
        sentences: { ...linkoping.mbl.sentences, information: 'Information samt förhandling har ägt rum.' },
      },
    };
    expect(at(language('Texten är enkel.', undefined, profile), 'kanslisvenska')).toEqual([]);
  });
});

describe('sentences, paragraphs, nouns, abbreviations, decision points', () => {
  const filler = (n: number) => Array.from({ length: n }, (_, i) => (i === 0 ? 'Vi' : 'går')).join(' ');

  it('sentence-long above 30 words, with a split at ", och" as the hint', () => {
    expect(at(language(`${filler(30)}.`), 'sentence-long')).toEqual([]);
    const d = language(`${filler(16)}, och ${filler(15).replace('Vi', 'vi')}.`).filter(
      (x) => x.rule === 'sentence-long',
    );
    expect(d.map((x) => [x.severity, x.position, x.message])).toEqual([
      ['varning', { line: 33, column: 1 }, 'Meningen har 32 ord; gränsen är 30.'],
    ]);
    expect(d[0]!.hint).toBe('Dela meningen i två, t.ex. "… går går går går. Vi går går går går …".');
  });

  it('paragraph-long above 120 words, naming the sentence to split before', () => {
    const sentence = 'Vi går till parken och ser på fåglarna i dag.';
    const d = language(Array(13).fill(sentence).join('\n')).filter((x) => x.rule === 'paragraph-long');
    expect(d.map((x) => [x.severity, x.position, x.message])).toEqual([
      ['info', { line: 33, column: 1 }, 'Stycket har 130 ord; gränsen är 120.'],
    ]);
    // 13 sentences of 10 words, one a line: the first half reaches 65 words with sentence 8 (line 40).
    expect(d[0]!.hint).toContain('"Vi går till parken och ser …" (rad 40)');
  });

  it('noun-style finds a chain of nominalisations and offers the verb', () => {
    const d = language('Förvaltningen ansvarar för utvärdering av förändringen.').filter(
      (x) => x.rule === 'noun-style',
    );
    expect(d.map((x) => [x.severity, x.position])).toEqual([['info', { line: 33, column: 28 }]]);
    expect(d[0]!.hint).toContain('"utvärdera förändringen" i stället för "utvärdering av förändringen"');
    expect(at(language('Förvaltningen ansvarar för arbetet.'), 'noun-style')).toEqual([]);
  });

  it('abbreviation-unexplained: used before "(IAF)", never explained; known ones and Dnr prefixes pass', () => {
    const before = language(
      'Beslutet från IAF gäller. Inspektionen för arbetslöshetsförsäkringen (IAF) har granskat det.',
    );
    expect(
      before.filter((d) => d.rule === 'abbreviation-unexplained').map((d) => [d.position, d.message]),
    ).toEqual([[{ line: 33, column: 15 }, 'Förkortningen IAF används innan den förklaras (rad 33).']]);
    expect(at(language('Det gäller enligt LSS.'), 'abbreviation-unexplained')).toEqual([
      'abbreviation-unexplained@33:19',
    ]);
    expect(
      at(
        language('Lagen om stöd och service (LSS) gäller. LSS, EU, MBL och SON 2024-17 är kända.'),
        'abbreviation-unexplained',
      ),
    ).toEqual([]);
  });

  it('decision points: one sentence, and not starting with "Att"', () => {
    const att = language('Texten.', ['Att godkänna riktlinjerna.']).filter((d) => d.rule === 'decision-att');
    expect(att.map((d) => [d.severity, d.position])).toEqual([['varning', { line: 11, column: 5 }]]);
    expect(att[0]!.hint).toContain('"Social- och omsorgsnämnden godkänner …" i stället för "Att godkänna …"');
    const two = language('Texten.', ['Nämnden antar riktlinjerna. De gäller från 2025.']);
    expect(at(two, 'decision-one-sentence')).toEqual(['decision-one-sentence@11:33']);
    expect(at(language('Texten.'), 'decision-one-sentence')).toEqual([]);
  });

  it('are never fel by default, so they never block a build', () => {
    for (const id of languageRuleIds) expect(['info', 'varning'], id).toContain(rules[id]!.severity);
    const r = readCase(
      memoText(`Vi skriver samt varvid här. ${filler(40)}.`, ['Att anta det. Nu.']),
      'x.md',
      linkoping,
    );
    expect(r.case).toBeDefined();
  });
});

describe('the seeds and the examples', () => {
  it('the seeds’ typical sentences give the findings an official would fix', () => {
    const d = readCaseFile('tests/fixtures/language/seed-sentences.md', linkoping).diagnostics;
    expect(brief(d, ['fel', 'varning', 'info'])).toEqual([
      'readability@12:5',
      'kanslisvenska@12:48',
      'kanslisvenska@13:54',
      'readability@33:1',
      'kanslisvenska@37:90',
      'kanslisvenska@39:45',
      'kanslisvenska@43:21',
      'kanslisvenska@43:53',
      'kanslisvenska@44:81',
      'kanslisvenska@46:8',
      'noun-style@47:15',
      'kanslisvenska@49:13',
    ]);
    const byPlace = (line: number) => d.find((x) => x.position?.line === line && x.rule === 'kanslisvenska')!;
    expect(byPlace(13).message).toBe('"varvid" är kanslisvenska; skriv hellre "vilket innebär att".');
    expect(byPlace(46).hint).toBe('T.ex. "Totalt är tilläggsuppdraget 3 årsarbetare per år …".');
    expect(byPlace(49).hint).toContain('3 deltagare fått arbete');
  });

  it('the made-up examples in cases/ have no language warnings; none of cases/ has a fel', () => {
    for (const name of readdirSync('cases').filter((f) => f.endsWith('.md'))) {
      const text = readFileSync(`cases/${name}`, 'utf8');
      const d = readCaseFile(`cases/${name}`, linkoping).diagnostics;
      expect(brief(d, ['fel']), name).toEqual([]);
      if (!/^# Transkriberad/m.test(text))
        expect(brief(d.filter((x) => (languageRuleIds as readonly string[]).includes(x.rule))), name).toEqual(
          [],
        );
    }
  });
});
