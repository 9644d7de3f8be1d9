/**
 * The part of a front matter that passes the schema when the whole does not: every top-level key that a
 * zod issue points at is dropped, and the rest is parsed with a schema without those keys. The content
 * rules then run on what is valid, so an official sees all problems at once, not one after the other.
 */
import type { z } from 'zod';
import type { CaseData } from './schema.js';

type Issue = z.core.$ZodIssue;
type KindSchema = z.ZodObject<Record<string, z.ZodType>, z.core.$strict>;

/** Dropping keys settles after one round (top-level keys are checked independently); this is a safety bound. */
const maxRounds = 3;

/** Top-level keys the issues point at, or undefined for an issue about the front matter as a whole. */
function pointedAt(issues: readonly Issue[]): string[] | undefined {
  const keys: string[] = [];
  for (const issue of issues) {
    const top = issue.path[0];
    if (top !== undefined) keys.push(String(top));
    else if (issue.code === 'unrecognized_keys') keys.push(...issue.keys);
    else return undefined;
  }
  return keys;
}

/** The schema-valid keys of `raw` (a plain object that failed `schema` with `issues`); absent keys are the dropped ones. */
export function validPart(
  schema: KindSchema,
  raw: Record<string, unknown>,
  issues: readonly Issue[],
): Partial<CaseData> | undefined {
  const dropped = new Set<string>();
  let open = issues;
  for (let round = 0; round < maxRounds; round++) {
    const keys = pointedAt(open);
    if (!keys) return undefined;
    for (const key of keys) dropped.add(key);
    const rest = Object.fromEntries(Object.entries(raw).filter(([key]) => !dropped.has(key)));
    const mask: Record<string, true> = {};
    for (const key of dropped) if (Object.hasOwn(schema.shape, key)) mask[key] = true;
    const result = schema.omit(mask).safeParse(rest);
    if (result.success) return result.data as Partial<CaseData>;
    open = result.error.issues;
  }
  return undefined;
}
