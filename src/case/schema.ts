/**
 * The front-matter schema (Swedish keys, one spelling each).
 * zod: the TypeScript type is inferred from this one schema, and its issues carry paths that we map
 * to YAML positions and phrase in Swedish (src/case/issues.ts).
 */
import { z } from 'zod';

const text = z.string().trim().min(1, 'får inte vara tom');
const textOrList = z.union([text, z.array(text).min(1, 'listan får inte vara tom')]);
/** YAML 1.1 readers turn 2023-08-30 into a Date; we accept both and check the calendar later. */
const date = z.union([z.string(), z.date()]).transform((d) => (d instanceof Date ? isoDate(d) : d.trim()));
/** An optional key written with no value (`sekretess:`) counts as absent. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === null ? undefined : v), schema);
const mblKind = z.enum(['information', 'förhandling', 'samverkan', 'ej_aktuellt']);
/** One MBL statement: `enhet` names the unit informed (when not the förvaltning), `text` replaces the profile's sentence. */
const mblFields = { typ: mblKind, datum: date.optional(), enhet: text.optional(), text: text.optional() };

export const caseSchema = z.strictObject({
  mall: text.default('tjänsteskrivelse'),
  datum: date,
  dnr: textOrList,
  förvaltning: textOrList,
  handläggare: z.strictObject({
    namn: text,
    titel: text.optional(),
    // A number here would lose its leading zero (013 → 13), so telefon must be quoted text.
    telefon: text.optional(),
    epost: text.optional(),
  }),
  nämnd: textOrList,
  rubrik: text,
  förslag_till_beslut: z.union([
    z.array(text).min(1, 'minst en beslutspunkt behövs'),
    z.record(z.string(), z.array(text).min(1, 'minst en beslutspunkt behövs')),
  ]),
  beslutsunderlag: z.array(text).min(1, 'minst ett beslutsunderlag behövs'),
  konsekvenser: optional(
    z
      .record(
        z.string(),
        z.strictObject({ ej_relevant: text.optional(), länk: text.optional(), länktext: text.optional() }),
      )
      .default({}),
  ),
  mbl: z.union([
    z.strictObject(mblFields),
    z.array(z.strictObject({ förvaltning: text, ...mblFields })).min(1),
  ]),
  underskrifter: z.array(z.strictObject({ förvaltning: text, namn: text, titel: text.optional() })),
  beslutet_skickas_till: optional(z.array(text).default([])),
  sekretess: optional(z.array(z.strictObject({ avsnitt: text, osl: text })).default([])),
});

export type CaseData = z.infer<typeof caseSchema>;

/**
 * Allowed keys per object in the front matter, by path pattern (`*` = any list index or map key).
 * Used for "did you mean" on unknown keys.
 */
export const knownKeys: Record<string, readonly string[]> = {
  '': Object.keys(caseSchema.shape),
  handläggare: ['namn', 'titel', 'telefon', 'epost'],
  'konsekvenser.*': ['ej_relevant', 'länk', 'länktext'],
  mbl: ['typ', 'datum', 'enhet', 'text'],
  'mbl.*': ['förvaltning', 'typ', 'datum', 'enhet', 'text'],
  'underskrifter.*': ['förvaltning', 'namn', 'titel'],
  'sekretess.*': ['avsnitt', 'osl'],
};

/** Keys that must be present; a missing one is reported as `field-missing`. */
export const requiredKeys = [
  'datum',
  'dnr',
  'förvaltning',
  'handläggare',
  'nämnd',
  'rubrik',
  'förslag_till_beslut',
  'beslutsunderlag',
  'mbl',
  'underskrifter',
] as const;

export function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}
