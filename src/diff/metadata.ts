/** Front-matter comparison: every key of the case's front matter except the decision points (and the body). */
import type { Case, ConsequenceExtra, MblStatement } from '../case/model.js';
import type { FieldKey } from '../case/schema.js';
import { compareKeyed, compareList, compareValue } from './fields.js';
import type { FieldChange } from './model.js';

const mblKindLabel: Record<MblStatement['kind'], string> = {
  information: 'information',
  förhandling: 'förhandling',
  samverkan: 'samverkan',
  ej_aktuellt: 'ej aktuellt',
};

type Compare = (a: Case, b: Case) => FieldChange[];

const officerField =
  (id: 'name' | 'title' | 'phone' | 'email', path: string, label: string): Compare =>
  (a, b) =>
    compareValue(path, label, a.officer?.[id], b.officer?.[id]);

/**
 * One comparison per front-matter key of every kind (src/case/schema.ts `fieldSchemas`): the type makes
 * a new key fail to compile until the diff compares it.
 */
const byKey: Record<FieldKey, Compare> = {
  mall: (a, b) => compareValue('mall', 'Mall', a.kind, b.kind),
  datum: (a, b) => compareValue('datum', 'Datum', a.date, b.date),
  dnr: (a, b) => compareList('dnr', 'Dnr', a.dnr, b.dnr),
  förvaltning: (a, b) => compareList('förvaltning', 'Förvaltning', a.departments, b.departments),
  handläggare: (a, b) => [
    ...officerField('name', 'handläggare.namn', 'Handläggare, namn')(a, b),
    ...officerField('title', 'handläggare.titel', 'Handläggare, titel')(a, b),
    ...officerField('phone', 'handläggare.telefon', 'Handläggare, telefon')(a, b),
    ...officerField('email', 'handläggare.epost', 'Handläggare, e-post')(a, b),
  ],
  författare: (a, b) =>
    compareKeyed(
      'författare',
      'Författare',
      a.authors,
      b.authors,
      (x) => x.name,
      [{ id: 'titel', label: 'titel', get: (x) => x.title }],
      (x) => `${x.name}${x.title ? `, ${x.title}` : ''}`,
    ),
  nämnd: (a, b) => compareList('nämnd', 'Nämnd', a.boards, b.boards),
  rubrik: (a, b) => compareValue('rubrik', 'Rubrik', a.title, b.title),
  innehållsförteckning: (a, b) =>
    compareValue('innehållsförteckning', 'Innehållsförteckning', a.toc ? 'ja' : 'nej', b.toc ? 'ja' : 'nej'),
  // The decision points are compared point by point (decisions.ts).
  förslag_till_beslut: () => [],
  beslutsunderlag: (a, b) =>
    compareList('beslutsunderlag', 'Beslutsunderlag', a.decisionBasis, b.decisionBasis),
  mbl: (a, b) =>
    compareKeyed(
      'mbl',
      'MBL',
      a.mbl,
      b.mbl,
      (m) => m.department,
      [
        { id: 'typ', label: 'typ', get: (m) => mblKindLabel[m.kind] },
        { id: 'datum', label: 'datum', get: (m) => m.date },
        { id: 'enhet', label: 'enhet', get: (m) => m.unit },
        { id: 'text', label: 'text', get: (m) => m.text },
      ],
      (m) =>
        `${mblKindLabel[m.kind]}${m.date ? ` ${m.date}` : ''}${m.unit ? `, ${m.unit}` : ''}${m.text ? `: ${m.text}` : ''}`,
    ),
  underskrifter: (a, b) =>
    compareKeyed(
      'underskrifter',
      'Underskrift',
      a.signatures,
      b.signatures,
      (s) => s.department || s.name,
      [
        { id: 'namn', label: 'namn', get: (s) => s.name },
        { id: 'titel', label: 'titel', get: (s) => s.title },
        { id: 'efter', label: 'under avsnittet', get: (s) => s.afterSection },
      ],
      (s) => `${s.name}${s.title ? `, ${s.title}` : ''}`,
    ),
  beslutet_skickas_till: (a, b) =>
    compareList('beslutet_skickas_till', 'Beslutet skickas till', a.recipients, b.recipients),
  sekretess: (a, b) =>
    compareKeyed(
      'sekretess',
      'Sekretess',
      a.secrecy,
      b.secrecy,
      (s) => s.section,
      [{ id: 'osl', label: 'lagrum', get: (s) => s.osl }],
      (s) => s.osl,
    ),
  konsekvenser: (a, b) => {
    const ids = [...new Set([...Object.keys(a.consequences), ...Object.keys(b.consequences)])];
    const consequence = (c: Case, id: string): ConsequenceExtra => c.consequences[id] ?? {};
    return ids.flatMap((id) => {
      const x = consequence(a, id);
      const y = consequence(b, id);
      return [
        ...compareValue(
          `konsekvenser.${id}.ej_relevant`,
          `Konsekvenser (${id}), ej relevant`,
          x.notRelevant,
          y.notRelevant,
        ),
        ...compareValue(`konsekvenser.${id}.länk`, `Konsekvenser (${id}), länk`, x.link?.url, y.link?.url),
        ...compareValue(
          `konsekvenser.${id}.länktext`,
          `Konsekvenser (${id}), länktext`,
          x.link?.text,
          y.link?.text,
        ),
      ];
    });
  },
};

/** The front-matter keys the diff compares, in the order it reports them. */
export const comparedKeys = Object.keys(byKey) as FieldKey[];

export function diffMetadata(a: Case, b: Case): FieldChange[] {
  return comparedKeys.flatMap((key) => byKey[key](a, b));
}
