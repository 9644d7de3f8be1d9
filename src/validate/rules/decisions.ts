/** Decision points: one block per addressed nämnd, none for others, each point standing on its own. */
import { canonicalBoard } from '../../case/build.js';
import { didYouMeanHint } from '../../util/did-you-mean.js';
import type { Rule } from '../rule.js';

export const decisionMissing: Rule = {
  severity: 'fel',
  description: 'Varje nämnd som skrivelsen riktar sig till har egna beslutspunkter.',
  check: (ctx) => {
    // Both nämnd and förslag_till_beslut must be valid; a schema problem in either is reported already.
    const boards = ctx.draft?.boards;
    const decisions = ctx.draft?.decisions;
    if (!boards || !decisions) return [];
    const given = new Set(decisions.map((d) => d.board));
    const single = Array.isArray(ctx.data?.förslag_till_beslut);
    if (single && boards.length > 1) {
      return [
        {
          message: `Skrivelsen riktar sig till ${boards.length} nämnder men förslag_till_beslut är en enda lista.`,
          hint: 'Skriv förslag_till_beslut som en tabell med en lista per nämnd, t.ex. "Bildningsnämnden:" följt av punkterna.',
          position: ctx.locate(['förslag_till_beslut'], true),
          field: 'förslag_till_beslut',
        },
      ];
    }
    return boards
      .filter((b) => !given.has(b))
      .map((b) => ({
        message: `${b} har inga beslutspunkter under förslag_till_beslut.`,
        hint: `Lägg till "${b}:" med en lista av beslutspunkter under förslag_till_beslut.`,
        position: ctx.locate(['förslag_till_beslut'], true),
        field: 'förslag_till_beslut',
      }));
  },
};

export const decisionUnaddressed: Rule = {
  severity: 'fel',
  description: 'Beslutspunkter får bara gälla nämnder som skrivelsen riktar sig till.',
  check: (ctx) => {
    const points = ctx.data?.förslag_till_beslut;
    const boards = ctx.draft?.boards;
    if (!points || !boards || Array.isArray(points)) return [];
    return Object.keys(points)
      .filter((key) => !boards.includes(canonicalBoard(key, ctx.profile)))
      .map((key) => ({
        message: `Beslutspunkterna för "${key}" gäller en nämnd som inte står under nämnd:.`,
        hint:
          didYouMeanHint(key, boards) ??
          `Lägg till nämnden under nämnd: eller ta bort punkterna. Adresserade nämnder: ${boards.join(', ')}.`,
        position: ctx.locate(['förslag_till_beslut', key], true),
        field: `förslag_till_beslut.${key}`,
      }));
  },
};

/** Phrases that point elsewhere instead of saying what is decided. */
const dependentPhrases = [
  /i enlighet med (?:(?:förvaltningens|kontorets|tjänsteskrivelsens) förslag|förslaget)/i,
  /enligt (?:ovan|nedan)/i,
  /enligt förslaget/i,
  /se ovan/i,
  /enligt tjänsteskrivelsen/i,
];

export const decisionStandalone: Rule = {
  severity: 'varning',
  description: 'En beslutspunkt ska gå att läsa för sig i protokollet, utan att hänvisa till annan text.',
  check: (ctx) =>
    (ctx.draft?.decisions ?? []).flatMap((block) =>
      block.points.flatMap((point) => {
        const match = dependentPhrases.map((p) => p.exec(point.text)).find((m) => m !== null);
        if (!match) return [];
        return [
          {
            message: `Beslutspunkten hänvisar till annan text ("${match[0]}") och står inte på egen hand.`,
            hint: 'Skriv ut vad nämnden beslutar, så att punkten går att förstå när den kopieras till protokollet.',
            position: point.position,
          },
        ];
      }),
    ),
};
