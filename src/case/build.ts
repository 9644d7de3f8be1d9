/** Schema-valid front matter + body sections → the Case (names in the profile's canonical spelling). */
import type { Root } from 'mdast';
import type { Profile } from '../profile/model.js';
import { bareDnr } from './dnr.js';
import type { Locate } from './issues.js';
import type { Case, DecisionBlock, MblStatement, Section } from './model.js';
import type { CaseData } from './schema.js';

export function asList(value: string | string[]): string[] {
  return typeof value === 'string' ? [value] : value;
}

/** Path of entry `index` of a string-or-list field (`nämnd` or `nämnd[1]`). */
export function entryPath(
  data: CaseData,
  key: 'dnr' | 'förvaltning' | 'nämnd',
  index: number,
): (string | number)[] {
  return typeof data[key] === 'string' ? [key] : [key, index];
}

function canonical(name: string, names: readonly string[]): string {
  const key = name.trim().toLocaleLowerCase('sv');
  return names.find((n) => n.toLocaleLowerCase('sv') === key) ?? name.trim();
}

export const canonicalBoard = (name: string, profile: Profile) =>
  canonical(
    name,
    profile.boards.map((b) => b.name),
  );
export const canonicalDepartment = (name: string, profile: Profile) =>
  canonical(
    name,
    profile.departments.map((d) => d.name),
  );

export function buildCase(
  data: CaseData,
  body: { root: Root; sections: Section[] },
  source: string,
  file: string,
  profile: Profile,
  locate: Locate,
): Case {
  const boards = asList(data.nämnd).map((n) => canonicalBoard(n, profile));
  const departments = asList(data.förvaltning).map((d) => canonicalDepartment(d, profile));
  return {
    file,
    kind: data.mall,
    date: data.datum,
    dnr: asList(data.dnr).map(bareDnr),
    departments,
    officer: {
      name: data.handläggare.namn,
      ...(data.handläggare.titel ? { title: data.handläggare.titel } : {}),
      ...(data.handläggare.telefon ? { phone: data.handläggare.telefon } : {}),
      ...(data.handläggare.epost ? { email: data.handläggare.epost } : {}),
    },
    boards,
    title: data.rubrik.replace(/\s+/g, ' '),
    decisions: decisions(data, boards, profile, locate),
    decisionBasis: data.beslutsunderlag,
    sections: body.sections,
    consequences: Object.fromEntries(
      Object.entries(data.konsekvenser).map(([id, c]) => [
        id,
        {
          ...(c.ej_relevant ? { notRelevant: c.ej_relevant } : {}),
          ...(c.länk ? { link: { url: c.länk, text: c.länktext ?? c.länk } } : {}),
        },
      ]),
    ),
    mbl: mbl(data, departments, profile, locate),
    signatures: data.underskrifter.map((s) => ({
      department: canonicalDepartment(s.förvaltning, profile),
      name: s.namn,
      ...(s.titel ? { title: s.titel } : {}),
    })),
    recipients: data.beslutet_skickas_till,
    secrecy: data.sekretess.map((s) => ({ section: s.avsnitt, osl: s.osl })),
    body: body.root,
    source,
  };
}

function decisions(data: CaseData, boards: string[], profile: Profile, locate: Locate): DecisionBlock[] {
  const points = data.förslag_till_beslut;
  if (Array.isArray(points)) {
    return [
      {
        board: boards[0] ?? '',
        points: points.map((text, i) => ({ text, position: locate(['förslag_till_beslut', i]) })),
      },
    ];
  }
  return Object.entries(points).map(([board, list]) => ({
    board: canonicalBoard(board, profile),
    points: list.map((text, i) => ({ text, position: locate(['förslag_till_beslut', board, i]) })),
  }));
}

function mbl(data: CaseData, departments: string[], profile: Profile, locate: Locate): MblStatement[] {
  const entries = Array.isArray(data.mbl)
    ? data.mbl.map((m, i) => ({
        ...m,
        department: canonicalDepartment(m.förvaltning, profile),
        path: ['mbl', i],
      }))
    : [{ ...data.mbl, department: departments[0] ?? '', path: ['mbl'] }];
  return entries.map((m) => ({
    department: m.department,
    kind: m.typ,
    ...(m.datum && m.typ !== 'ej_aktuellt' ? { date: m.datum } : {}),
    position: locate(m.path),
  }));
}
