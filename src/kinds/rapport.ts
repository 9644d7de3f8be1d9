/**
 * The rapport: a report to a nämnd (a working group's follow-up, an evaluation). Chapters in the order
 * written, a table of contents, authors in the head; no decision, MBL or consequence sections, and a
 * signature where the report puts it (often under the introduction, by the group's convener).
 */
import { placedSignatures } from '../case/schema.js';
import { placeholder, placeholderDate } from '../case/skeleton.js';
import type { KindDefinition } from './kind.js';

/** Rules about a memo's decision, MBL, Ärende and consequence sections: a rapport has none of them. */
const memoOnly = [
  'decision-missing',
  'decision-unaddressed',
  'decision-standalone',
  'mbl-date-after-memo',
  'mbl-per-department',
  'signature-missing',
  'arende-missing',
  'arende-conclusion',
  'section-unknown',
  'consequence-missing',
  'consequence-conflict',
  'consequence-empty',
  'unknown-consequence',
  'mbl-unit-unused',
  // A rapport's Dnr is optional, and it may be filed under another nämnd's; dnr-format still checks it.
  'dnr-per-board',
] as const;

export const rapport: KindDefinition = {
  name: 'rapport',
  folder: 'rapport',
  description: 'rapport till en nämnd, med innehållsförteckning och kapitel',
  keys: {
    mall: 'krävs',
    datum: 'valfri',
    dnr: 'valfri',
    förvaltning: 'krävs',
    handläggare: 'valfri',
    författare: 'krävs',
    nämnd: 'valfri',
    rubrik: 'krävs',
    innehållsförteckning: 'valfri',
    underskrifter: 'valfri',
    beslutet_skickas_till: 'valfri',
    sekretess: 'valfri',
  },
  forms: { underskrifter: placedSignatures },
  defaults: { innehållsförteckning: true },
  rules: Object.fromEntries(memoOnly.map((id) => [id, 'av'])),
  archiveType: 'Rapport',
  skeleton(profile, options) {
    const board = options.boards[0]!;
    const department =
      profile.departments.find((d) => d.name === board.department) ?? profile.departments[0]!;
    return `---
mall: rapport
datum: ${options.date ?? placeholderDate}
förvaltning: ${department.name}
författare:
  - namn: ${placeholder}
    titel: ${placeholder}
nämnd: ${board.name}
rubrik: ${placeholder}
# innehållsförteckning: false  # utan innehållsförteckning
underskrifter:
  - efter: Inledning
    namn: ${placeholder}
    titel: Sammankallande i arbetsgruppen
---

## Inledning

${placeholder}: varför rapporten skrivits och vem som skrivit den.

## Bakgrund

${placeholder}

## Resultat

${placeholder}

## Slutsatser

${placeholder}
`;
  },
};
