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

const signature = z.strictObject({ förvaltning: text, namn: text, titel: text.optional() });
/** Signatures each under a section of its choosing (a rapport's introduction signed by its convener). */
export const placedSignatures = z.array(
  z.strictObject({ efter: text, namn: text, titel: text.optional(), förvaltning: text.optional() }),
);

/**
 * Every front-matter key a kind may use, with its schema as a required key. A kind (src/kinds) picks its
 * keys from here and marks each required or optional; an optional key falls back to `emptyValues`.
 */
export const fieldSchemas = {
  mall: text,
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
  författare: z
    .array(z.strictObject({ namn: text, titel: text.optional() }))
    .min(1, 'minst en författare behövs'),
  nämnd: textOrList,
  rubrik: text,
  innehållsförteckning: z.boolean(),
  förslag_till_beslut: z.union([
    z.array(text).min(1, 'minst en beslutspunkt behövs'),
    z.record(z.string(), z.array(text).min(1, 'minst en beslutspunkt behövs')),
  ]),
  beslutsunderlag: z.array(text).min(1, 'minst ett beslutsunderlag behövs'),
  konsekvenser: z.record(
    z.string(),
    z.strictObject({ ej_relevant: text.optional(), länk: text.optional(), länktext: text.optional() }),
  ),
  mbl: z.union([
    z.strictObject(mblFields),
    z.array(z.strictObject({ förvaltning: text, ...mblFields })).min(1),
  ]),
  underskrifter: z.array(signature),
  beslutet_skickas_till: z.array(text),
  sekretess: z.array(z.strictObject({ avsnitt: text, osl: text })),
} as const;

export type FieldKey = keyof typeof fieldSchemas;

/** What an optional key that is not written stands for. */
const emptyValues: { [K in FieldKey]?: z.input<(typeof fieldSchemas)[K]> } = {
  mall: 'tjänsteskrivelse',
  datum: '',
  dnr: [] as unknown as string,
  förvaltning: [] as unknown as string,
  författare: [],
  nämnd: [] as unknown as string,
  innehållsförteckning: false,
  förslag_till_beslut: [],
  beslutsunderlag: [],
  konsekvenser: {},
  mbl: [],
  underskrifter: [],
  beslutet_skickas_till: [],
  sekretess: [],
};

/** `data` with the keys its kind does not have at all set to their empty values (a rapport has no mbl). */
export function withKindlessKeys(
  keys: Readonly<Partial<Record<FieldKey, KeyUse>>>,
  data: Partial<CaseData>,
): Partial<CaseData> {
  const filled: Record<string, unknown> = { ...data };
  for (const [key, empty] of Object.entries(emptyValues))
    if (!Object.hasOwn(keys, key)) filled[key] = structuredClone(empty);
  return filled as Partial<CaseData>;
}

/** How a kind uses a key: required, or optional (absent = its empty value). Keys not listed are unknown. */
export type KeyUse = 'krävs' | 'valfri';

const schemaCache = new Map<string, z.ZodType>();

/**
 * The front-matter schema of kind `name`: its keys, each required or optional with its empty value; `forms`
 * gives a key another schema in this kind (a rapport's signatures stand under a section), `defaults` another
 * value when it is not written (a rapport has a table of contents unless it says not).
 */
export function kindSchema(
  name: string,
  keys: Readonly<Partial<Record<FieldKey, KeyUse>>>,
  forms: Readonly<Partial<Record<FieldKey, z.ZodType>>> = {},
  defaults: Readonly<Partial<Record<FieldKey, unknown>>> = {},
) {
  const cached = schemaCache.get(name);
  if (cached) return cached as z.ZodObject<Record<string, z.ZodType>, z.core.$strict>;
  const shape: Record<string, z.ZodType> = {};
  for (const [key, use] of Object.entries(keys) as [FieldKey, KeyUse][]) {
    const schema = forms[key] ?? (fieldSchemas[key] as z.ZodType);
    shape[key] =
      use === 'krävs'
        ? schema
        : optional(schema.optional()).transform((v) =>
            v === undefined
              ? structuredClone(Object.hasOwn(defaults, key) ? defaults[key] : emptyValues[key])
              : v,
          );
  }
  const schema = z.strictObject(shape);
  schemaCache.set(name, schema);
  return schema;
}

/** The keys of the tjänsteskrivelse, the default kind (and the shape CaseData describes). */
export const memoKeys = {
  mall: 'valfri',
  datum: 'krävs',
  dnr: 'krävs',
  förvaltning: 'krävs',
  handläggare: 'krävs',
  nämnd: 'krävs',
  rubrik: 'krävs',
  förslag_till_beslut: 'krävs',
  beslutsunderlag: 'krävs',
  konsekvenser: 'valfri',
  mbl: 'krävs',
  underskrifter: 'krävs',
  beslutet_skickas_till: 'valfri',
  sekretess: 'valfri',
} as const satisfies Partial<Record<FieldKey, KeyUse>>;

/** Every key of every kind, as parsed: the shape the rest of the code reads (a kind's unused keys absent). */
export type CaseData = Omit<{ [K in FieldKey]: z.output<(typeof fieldSchemas)[K]> }, 'underskrifter'> & {
  underskrifter: z.output<typeof placedSignatures> | z.output<(typeof fieldSchemas)['underskrifter']>;
};

/**
 * Allowed keys per nested object in the front matter, by path pattern (`*` = any list index or map key),
 * for "did you mean" on unknown keys; the top level's are the kind's own keys.
 */
export const knownKeys: Record<string, readonly string[]> = {
  handläggare: ['namn', 'titel', 'telefon', 'epost'],
  'författare.*': ['namn', 'titel'],
  'konsekvenser.*': ['ej_relevant', 'länk', 'länktext'],
  mbl: ['typ', 'datum', 'enhet', 'text'],
  'mbl.*': ['förvaltning', 'typ', 'datum', 'enhet', 'text'],
  'underskrifter.*': ['förvaltning', 'namn', 'titel', 'efter'],
  'sekretess.*': ['avsnitt', 'osl'],
};

export function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}
