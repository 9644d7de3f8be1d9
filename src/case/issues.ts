/** zod issues of the front-matter schema → Swedish diagnostics with YAML positions. */
import type { z } from 'zod';
import type { Diagnostic, Position } from '../diagnostics.js';
import { describeValue, typeName } from '../profile/wording.js';
import { didYouMeanHint } from '../util/did-you-mean.js';
import type { PathPart } from '../util/yaml-position.js';
import { knownKeys } from './schema.js';

type Issue = z.core.$ZodIssue;

/** Finds the position of a front-matter path; `key` asks for the key rather than the value. */
export type Locate = (path: readonly PathPart[], key?: boolean) => Position | undefined;

/** What each union-typed field expects, said once instead of once per branch. */
const unionExpectations: Record<string, string> = {
  dnr: 'text eller en lista med text',
  förvaltning: 'text eller en lista med text',
  nämnd: 'text eller en lista med text',
  förslag_till_beslut: 'en lista med beslutspunkter (vid flera nämnder: en tabell nämnd → lista)',
  mbl: 'en tabell med typ och datum (vid gemensam skrivelse: en lista med en post per förvaltning)',
  datum: 'ett datum (ÅÅÅÅ-MM-DD)',
  'mbl.datum': 'ett datum (ÅÅÅÅ-MM-DD)',
  'mbl.*.datum': 'ett datum (ÅÅÅÅ-MM-DD)',
};

export function fieldLabel(path: readonly PathPart[]): string {
  let label = '';
  for (const part of path) {
    if (typeof part === 'number') label += `[${part + 1}]`;
    else label += label ? `.${String(part)}` : String(part);
  }
  return label || 'huvudet';
}

function pattern(path: readonly PathPart[]): string {
  return path
    .map((p, i) =>
      typeof p === 'number' || (i > 0 && path[0] === 'konsekvenser' && i === 1) ? '*' : String(p),
    )
    .join('.');
}

/** The YAML source text of the value at a path (to quote it in hints exactly as written). */
export type SourceOf = (path: readonly PathPart[]) => string | undefined;

/** `topKeys`: the keys the document kind has (the allowed keys at the top level). */
export function issuesToDiagnostics(
  issues: readonly Issue[],
  file: string,
  locate: Locate,
  sourceOf: SourceOf = () => undefined,
  topKeys: readonly string[] = [],
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const allowedAt = (at: string) => (at === '' ? topKeys : (knownKeys[at] ?? []));
  for (const issue of issues) convert(issue, [], file, locate, sourceOf, out, allowedAt);
  return out;
}

function convert(
  issue: Issue,
  prefix: PathPart[],
  file: string,
  locate: Locate,
  sourceOf: SourceOf,
  out: Diagnostic[],
  allowedAt: (pattern: string) => readonly string[],
): void {
  const path = [...prefix, ...issue.path];
  const label = fieldLabel(path);
  const base = { severity: 'fel' as const, file, field: path.map(String).join('.') };
  const input = (issue as { input?: unknown }).input;

  if (issue.code === 'unrecognized_keys') {
    const allowed = allowedAt(pattern(path));
    for (const key of issue.keys) {
      const keyPath = [...path, key];
      out.push({
        ...base,
        field: keyPath.join('.'),
        rule: 'unknown-key',
        message: `Okänd nyckel "${key}"${path.length ? ` i ${label}` : ''}.`,
        hint: didYouMeanHint(key, allowed) ?? `Tillåtna nycklar här: ${allowed.join(', ')}.`,
        position: locate(keyPath, true),
      });
    }
    return;
  }
  if ((issue.code === 'invalid_type' || issue.code === 'invalid_union') && input === undefined) {
    out.push({
      ...base,
      rule: 'field-missing',
      message: `Nyckeln ${label} saknas.`,
      hint: 'Se docs/ärendeformat.md för vilka nycklar en ärendefil måste ha.',
      position: locate(path.slice(0, -1), path.length > 1),
    });
    return;
  }
  if ((issue.code === 'invalid_type' || issue.code === 'invalid_union') && input === null) {
    out.push({
      ...base,
      rule: 'field-missing',
      message: `${label} har inget värde.`,
      hint: `Skriv ett värde efter "${String(path.at(-1))}:".`,
      position: locate(path, true),
    });
    return;
  }
  if (issue.code === 'invalid_union') {
    const branch = bestBranch(issue.errors);
    if (branch) {
      for (const sub of branch) convert(sub, path, file, locate, sourceOf, out, allowedAt);
      return;
    }
    const expected = unionExpectations[pattern(path)] ?? 'ett annat slags värde';
    out.push({
      ...base,
      ...typeProblem(label, expected, input, path, sourceOf(path)),
      position: locate(path),
    });
    return;
  }
  if (issue.code === 'invalid_type') {
    out.push({
      ...base,
      ...typeProblem(label, typeName(issue.expected), input, path, sourceOf(path)),
      position: locate(path),
    });
    return;
  }
  if (issue.code === 'invalid_value') {
    const allowed = issue.values.map(String);
    out.push({
      ...base,
      rule: 'field-value',
      message: `${label} ska vara ett av: ${allowed.join(', ')}${typeof input === 'string' ? `, inte "${input}"` : ''}.`,
      hint: typeof input === 'string' ? didYouMeanHint(input, allowed) : undefined,
      position: locate(path),
    });
    return;
  }
  out.push({
    ...base,
    rule: 'field-value',
    message: `${label} ${issue.code === 'too_small' || issue.code === 'custom' ? issue.message : 'har ett ogiltigt värde'}.`,
    position: locate(path),
  });
}

/** The union branch that got furthest (its problems lie inside the value, not at the value itself). */
function bestBranch(branches: readonly (readonly Issue[])[]): readonly Issue[] | undefined {
  const deep = branches.filter(
    (b) => b.length > 0 && !b.some((i) => i.path.length === 0 && i.code === 'invalid_type'),
  );
  if (deep.length === 0) return undefined;
  return deep.reduce((a, b) => (b.length < a.length ? b : a));
}

function typeProblem(
  label: string,
  expected: string,
  input: unknown,
  path: readonly PathPart[],
  source: string | undefined,
) {
  const key = String(path.at(-1));
  let hint: string | undefined;
  if (typeof input === 'number' || typeof input === 'boolean') {
    hint = `Sätt värdet inom citattecken, t.ex. ${key}: "${source ?? String(input)}".`;
  } else if (typeof input === 'string' && expected.includes('lista')) {
    hint = `Skriv en lista: varje post på en egen rad som börjar med "- ", under ${key}:.`;
  } else if (Array.isArray(input)) {
    hint = 'Skriv ett enda värde på samma rad som nyckeln, inte en lista.';
  }
  return {
    rule: 'field-type',
    message: `${label} ska vara ${expected}, inte ${describeValue(input)}.`,
    hint,
  };
}
