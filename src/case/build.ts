/**
 * Schema-valid front matter + body sections → the Case (names in the profile's canonical spelling).
 * Also builds a draft from partly valid front matter, so the rules can check what is valid.
 */
import type { Root } from 'mdast';
import type { ImageAsset } from '../doc/model.js';
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
  data: Partial<CaseData>,
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

/** Every Case field, undefined where the front-matter keys it is built from were not valid. */
export type CaseDraft = { [K in keyof Case]: Case[K] | undefined };

/** True when every field could be built (Case has no optional fields, and buildDraft sets every key). */
export function isComplete(draft: CaseDraft): draft is Case {
  return Object.values(draft).every((value) => value !== undefined);
}

/** `build(value)`, or undefined when the value is absent (its key had a schema problem). */
function given<T, R>(value: T | undefined, build: (value: T) => R): R | undefined {
  return value === undefined ? undefined : build(value);
}

/** Front matter (all of it or its schema-valid part) + body sections → the Case, field by field. */
export function buildDraft(
  data: Partial<CaseData>,
  body: { root: Root; sections: Section[]; images: ReadonlyMap<string, ImageAsset> },
  source: string,
  file: string,
  profile: Profile,
  locate: Locate,
): CaseDraft {
  const boards = given(data.nämnd, (n) => asList(n).map((b) => canonicalBoard(b, profile)));
  const departments = given(data.förvaltning, (f) => asList(f).map((d) => canonicalDepartment(d, profile)));
  return {
    file,
    kind: data.mall,
    date: data.datum,
    dnr: given(data.dnr, (d) => asList(d).map(bareDnr)),
    departments,
    // Null when not written: a kind may do without (a memo's missing handläggare is a fel of its own).
    officer: data.handläggare
      ? {
          name: data.handläggare.namn,
          ...(data.handläggare.titel ? { title: data.handläggare.titel } : {}),
          ...(data.handläggare.telefon ? { phone: data.handläggare.telefon } : {}),
          ...(data.handläggare.epost ? { email: data.handläggare.epost } : {}),
        }
      : null,
    authors: (data.författare ?? []).map((a) => ({ name: a.namn, ...(a.titel ? { title: a.titel } : {}) })),
    toc: data.innehållsförteckning ?? false,
    boards,
    title: data.rubrik?.replace(/\s+/g, ' '),
    decisions: given(data.förslag_till_beslut, (points) => decisions(points, boards ?? [], profile, locate)),
    decisionBasis: data.beslutsunderlag,
    sections: body.sections,
    consequences: given(data.konsekvenser, (extras) =>
      Object.fromEntries(
        Object.entries(extras).map(([id, c]) => [
          id,
          {
            ...(c.ej_relevant ? { notRelevant: c.ej_relevant } : {}),
            ...(c.länk ? { link: { url: c.länk, text: c.länktext ?? c.länk } } : {}),
          },
        ]),
      ),
    ),
    mbl: given(data.mbl, (m) => mbl(m, departments ?? [], profile, locate)),
    signatures: data.underskrifter?.map((s) => ({
      department: s.förvaltning ? canonicalDepartment(s.förvaltning, profile) : '',
      name: s.namn,
      ...(s.titel ? { title: s.titel } : {}),
      ...('efter' in s ? { afterSection: s.efter } : {}),
    })),
    recipients: data.beslutet_skickas_till,
    secrecy: data.sekretess?.map((s) => ({ section: s.avsnitt, osl: s.osl })),
    images: body.images,
    body: body.root,
    source,
  };
}

function decisions(
  points: CaseData['förslag_till_beslut'],
  boards: string[],
  profile: Profile,
  locate: Locate,
): DecisionBlock[] {
  if (Array.isArray(points)) {
    // A kind without decisions (a rapport) has none at all, not one block without points.
    if (points.length === 0) return [];
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

function mbl(
  given: CaseData['mbl'],
  departments: string[],
  profile: Profile,
  locate: Locate,
): MblStatement[] {
  const entries = Array.isArray(given)
    ? given.map((m, i) => ({
        ...m,
        department: canonicalDepartment(m.förvaltning, profile),
        path: ['mbl', i],
      }))
    : [{ ...given, department: departments[0] ?? '', path: ['mbl'] }];
  return entries.map((m) => ({
    department: m.department,
    kind: m.typ,
    ...(m.datum && m.typ !== 'ej_aktuellt' ? { date: m.datum } : {}),
    ...(m.enhet ? { unit: m.enhet } : {}),
    ...(m.text ? { text: m.text.replace(/\s+/g, ' ') } : {}),
    position: locate(m.path),
  }));
}
