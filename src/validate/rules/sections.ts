/** Rules about the body's sections: Ärende, duplicates, empty and unknown sections, secrecy marks. */
import { hasContent } from '../../case/body.js';
import type { Section } from '../../case/model.js';
import { didYouMeanHint } from '../../util/did-you-mean.js';
import type { Rule } from '../rule.js';

const ärende = (sections: Section[]) => sections.find((s) => s.role === 'ärende');

export const arendeMissing: Rule = {
  severity: 'fel',
  description: 'Avsnittet "## Ärende" måste finnas och ha text.',
  check: (ctx) => {
    const section = ärende(ctx.sections);
    if (!ctx.bodyRead || (section && hasContent(section))) return [];
    return [
      {
        message: section ? 'Avsnittet Ärende är tomt.' : 'Avsnittet "## Ärende" saknas.',
        hint: 'Ärende är en kort sammanfattning som slutar med "Av ovanstående skäl föreslås … att …".',
        position: section?.position ?? (ctx.sections.length ? ctx.sections[0]!.position : undefined),
      },
    ];
  },
};

export const arendeConclusion: Rule = {
  severity: 'info',
  description: 'Ärende brukar sluta med meningen "Av ovanstående skäl föreslås …".',
  check: (ctx) => {
    const section = ärende(ctx.sections);
    if (!section || !hasContent(section) || /av ovanstående skäl föreslås/i.test(section.markdown)) return [];
    return [
      {
        message: 'Ärende slutar inte med en mening som "Av ovanstående skäl föreslås … att …".',
        hint: 'Avsluta gärna med vad nämnden föreslås besluta, så att sammanfattningen står på egen hand.',
        position: section.position,
      },
    ];
  },
};

export const sectionDuplicate: Rule = {
  severity: 'fel',
  description: 'Samma avsnittsrubrik får bara förekomma en gång.',
  check: (ctx) => {
    const seen = new Map<string, Section>();
    const out = [];
    for (const section of ctx.sections) {
      const key = section.heading.toLocaleLowerCase('sv');
      const first = seen.get(key);
      if (first) {
        out.push({
          message: `Avsnittet "${section.heading}" förekommer mer än en gång (första gången på rad ${first.position?.line}).`,
          hint: 'Slå ihop avsnitten eller ge dem olika rubriker.',
          position: section.position,
        });
      } else {
        seen.set(key, section);
      }
    }
    return out;
  },
};

export const sectionUnknown: Rule = {
  severity: 'info',
  description: 'Avsnitt som inte är Ärende, Bakgrund eller ett konsekvensavsnitt tas med som fria avsnitt.',
  check: (ctx) => {
    const known = ['Ärende', 'Bakgrund', ...ctx.profile.consequences.map((c) => c.heading)];
    return ctx.sections
      .filter((s) => s.role === 'free')
      .map((s) => ({
        message: `Okänt avsnitt "${s.heading}" tas med som fritt avsnitt efter Bakgrund.`,
        hint: didYouMeanHint(s.heading, known),
        position: s.position,
      }));
  },
};

export const sectionEmpty: Rule = {
  severity: 'varning',
  description: 'Ett avsnitt har rubrik men ingen text.',
  check: (ctx) =>
    ctx.sections
      .filter((s) => !hasContent(s) && s.role !== 'ärende' && s.role !== 'consequence')
      .map((s) => ({
        message: `Avsnittet "${s.heading}" är tomt.`,
        hint: 'Skriv text under rubriken eller ta bort den.',
        position: s.position,
      })),
};

export const secrecySection: Rule = {
  severity: 'fel',
  description: 'En sekretessmarkering måste gälla ett avsnitt som finns.',
  check: (ctx) => {
    const marks = ctx.data?.sekretess;
    if (!marks) return [];
    const headings = ctx.sections.map((s) => s.heading);
    return marks
      .map((mark, i) => ({ mark, i }))
      .filter(
        ({ mark }) =>
          !headings.some((h) => h.toLocaleLowerCase('sv') === mark.avsnitt.toLocaleLowerCase('sv')),
      )
      .map(({ mark, i }) => ({
        message: `sekretess[${i + 1}] gäller avsnittet "${mark.avsnitt}", som inte finns.`,
        hint: didYouMeanHint(mark.avsnitt, headings) ?? 'Ange rubriken exakt som den står efter ## .',
        position: ctx.locate(['sekretess', i, 'avsnitt']),
        field: `sekretess.${i}.avsnitt`,
      }));
  },
};
