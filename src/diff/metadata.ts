/** Front-matter comparison: every field of the case except the decision points and the body. */
import type { Case, ConsequenceExtra, MblStatement } from '../case/model.js';
import { compareKeyed, compareList, compareValue } from './fields.js';
import type { FieldChange } from './model.js';

const mblKindLabel: Record<MblStatement['kind'], string> = {
  information: 'information',
  förhandling: 'förhandling',
  samverkan: 'samverkan',
  ej_aktuellt: 'ej aktuellt',
};

export function diffMetadata(a: Case, b: Case): FieldChange[] {
  const consequenceIds = [...new Set([...Object.keys(a.consequences), ...Object.keys(b.consequences)])];
  const consequence = (c: Case, id: string): ConsequenceExtra => c.consequences[id] ?? {};
  return [
    ...compareValue('mall', 'Mall', a.kind, b.kind),
    ...compareValue('datum', 'Datum', a.date, b.date),
    ...compareList('dnr', 'Dnr', a.dnr, b.dnr),
    ...compareList('förvaltning', 'Förvaltning', a.departments, b.departments),
    ...compareValue('handläggare.namn', 'Handläggare, namn', a.officer.name, b.officer.name),
    ...compareValue('handläggare.titel', 'Handläggare, titel', a.officer.title, b.officer.title),
    ...compareValue('handläggare.telefon', 'Handläggare, telefon', a.officer.phone, b.officer.phone),
    ...compareValue('handläggare.epost', 'Handläggare, e-post', a.officer.email, b.officer.email),
    ...compareList('nämnd', 'Nämnd', a.boards, b.boards),
    ...compareValue('rubrik', 'Rubrik', a.title, b.title),
    ...compareList('beslutsunderlag', 'Beslutsunderlag', a.decisionBasis, b.decisionBasis),
    ...compareKeyed(
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
    ...compareKeyed(
      'underskrifter',
      'Underskrift',
      a.signatures,
      b.signatures,
      (s) => s.department,
      [
        { id: 'namn', label: 'namn', get: (s) => s.name },
        { id: 'titel', label: 'titel', get: (s) => s.title },
      ],
      (s) => `${s.name}${s.title ? `, ${s.title}` : ''}`,
    ),
    ...compareList('beslutet_skickas_till', 'Beslutet skickas till', a.recipients, b.recipients),
    ...compareKeyed(
      'sekretess',
      'Sekretess',
      a.secrecy,
      b.secrecy,
      (s) => s.section,
      [{ id: 'osl', label: 'lagrum', get: (s) => s.osl }],
      (s) => s.osl,
    ),
    ...consequenceIds.flatMap((id) => {
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
    }),
  ];
}
