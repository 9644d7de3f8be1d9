/**
 * Loads a municipality profile (YAML, Swedish keys) into the typed Profile. The file itself is
 * validated; every problem becomes one UsageError with Swedish "file:line:column" lines.
 */
import { dirname, join } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { UsageError } from '../errors.js';
import { unsupportedCharacters } from '../fonts/coverage.js';
import { describeFsError, isFsError } from '../fs-errors.js';
import { packageRoot } from '../util/package-info.js';
import { readRegularFileBytes } from '../util/regular-file.js';
import { positionAt, toPosition } from '../util/yaml-position.js';
import { compileDnrPattern, type TextPattern } from './dnr-pattern.js';
import type { Profile } from './model.js';

/** The default profile (Linköping), resolved relative to the installed package, not the cwd. */
export function defaultProfilePath(): string {
  return join(packageRoot, 'templates', 'profiler', 'linkoping.yaml');
}

const text = z.string().trim().min(1, 'får inte vara tom');
const dnrPatternText = text.superRefine((source, ctx) => {
  const compiled = compileDnrPattern(source);
  if ('error' in compiled) ctx.addIssue({ code: 'custom', message: compiled.error });
});

// zod: one schema gives both the runtime check and (via z.infer) the raw type; messages are Swedish.
const profileSchema = z
  .strictObject({
    kommun: text,
    kortnamn: text,
    sidfot: z.array(z.strictObject({ etikett: text, värde: text })),
    sida: z.strictObject({
      marginaler_mm: z.strictObject({
        topp: z.number().positive(),
        höger: z.number().positive(),
        botten: z.number().positive(),
        vänster: z.number().positive(),
      }),
    }),
    // The list bullets by nesting level, one character each, drawn in the memo's typeface.
    punkter: z
      .array(z.string().refine((b) => [...b].length === 1, 'ett tecken per nivå'))
      .min(1)
      .max(9)
      .refine(
        (bullets) => unsupportedCharacters(bullets.join('')).length === 0,
        'tecknet finns inte i typsnittet',
      )
      .optional(),
    nämnder: z
      .array(
        z.strictObject({
          namn: text,
          genitiv: text,
          dnr: dnrPatternText,
          dnr_äldre: z.array(dnrPatternText).optional(),
          dnr_exempel: text,
          förvaltning: text.optional(),
        }),
      )
      .min(1, 'minst en nämnd behövs'),
    förvaltningar: z
      .array(z.strictObject({ namn: text, chefstitel: text }))
      .min(1, 'minst en förvaltning behövs'),
    konsekvenser: z.array(
      z.strictObject({
        id: z.string().regex(/^[\p{Ll}\d_]+$/u, 'får bara innehålla små bokstäver, siffror och _'),
        rubrik: text,
        krävs: z.boolean(),
        länk: text.optional(),
        länktext: text.optional(),
        ej_relevant_förslag: text.optional(),
        plural: z.boolean().optional(),
      }),
    ),
    mbl: z.strictObject({
      rubrik: text,
      meningar: z.strictObject({ information: text, förhandling: text, samverkan: text, ej_aktuellt: text }),
    }),
  })
  .superRefine((profile, ctx) => {
    // Consistency the shape alone cannot express: examples match their patterns, names and ids are unique.
    profile.nämnder.forEach((n, i) => {
      const pattern = compileDnrPattern(n.dnr);
      if (!('error' in pattern) && !pattern.test(n.dnr_exempel)) {
        ctx.addIssue({
          code: 'custom',
          path: ['nämnder', i, 'dnr_exempel'],
          message: `följer inte nämndens eget dnr-mönster ${n.dnr}`,
        });
      }
    });
    const departments = new Set(profile.förvaltningar.map((f) => f.namn));
    profile.nämnder.forEach((n, i) => {
      if (n.förvaltning !== undefined && !departments.has(n.förvaltning)) {
        ctx.addIssue({
          code: 'custom',
          path: ['nämnder', i, 'förvaltning'],
          message: `"${n.förvaltning}" finns inte bland profilens förvaltningar`,
        });
      }
    });
    const unique = (key: 'nämnder' | 'förvaltningar' | 'konsekvenser', field: 'namn' | 'id') => {
      const seen = new Set<string>();
      (profile[key] as Record<string, unknown>[]).forEach((item, i) => {
        const value = String(item[field]).toLocaleLowerCase('sv');
        if (seen.has(value))
          ctx.addIssue({ code: 'custom', path: [key, i, field], message: 'förekommer två gånger' });
        seen.add(value);
      });
    };
    unique('nämnder', 'namn');
    unique('förvaltningar', 'namn');
    unique('konsekvenser', 'id');
  });

type RawProfile = z.infer<typeof profileSchema>;

/** Swedish wording for zod issues, shared by the profile and case readers. */
export function swedishIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? 'saknas'
        : `ska vara ${typeName(issue.expected)}, inte ${describeValue(issue.input)}`;
    case 'unrecognized_keys':
      return `okänd nyckel ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'too_small':
      return issue.message && !issue.message.startsWith('Too small')
        ? issue.message
        : 'är för kort eller tom';
    case 'invalid_value':
      return `ska vara ett av: ${issue.values.map(String).join(', ')}`;
    default:
      return issue.message;
  }
}

export function typeName(expected: string): string {
  const names: Record<string, string> = {
    string: 'text',
    number: 'ett tal',
    boolean: 'true eller false',
    array: 'en lista',
    object: 'en tabell med nycklar',
  };
  return names[expected] ?? expected;
}

export function describeValue(value: unknown): string {
  if (value === null) return 'tomt';
  if (Array.isArray(value)) return 'en lista';
  if (value instanceof Date) return 'ett datum';
  switch (typeof value) {
    case 'string':
      return 'text';
    case 'number':
      return `talet ${value}`;
    case 'boolean':
      return `${value}`;
    case 'object':
      return 'en tabell med nycklar';
    default:
      return typeof value;
  }
}

export function loadProfile(path: string = defaultProfilePath()): Profile {
  let source: string;
  try {
    source = readRegularFileBytes(path).toString('utf8');
  } catch (error) {
    if (!isFsError(error)) throw error;
    const { reason, hint } = describeFsError(error, dirname(path));
    throw new UsageError(
      `Kan inte läsa kommunprofilen ${path}: ${reason}.`,
      error.code === 'ENOENT' ? 'Kontrollera sökvägen som angavs med --profil.' : hint,
    );
  }
  return parseProfile(source, path);
}

/** Parses and validates profile text; throws UsageError listing every problem with its position. */
export function parseProfile(source: string, path: string): Profile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const problems: string[] = [];
  for (const error of doc.errors) {
    const pos = toPosition(lineCounter, error.pos[0]);
    problems.push(`${path}:${pos.line}:${pos.column}: ogiltig YAML (${error.code})`);
  }
  if (problems.length === 0) {
    const result = profileSchema.safeParse(doc.toJS(), { reportInput: true });
    if (!result.success) {
      const located: { line: number; text: string }[] = [];
      for (const issue of result.error.issues) {
        const unknownKey = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
        const fieldPath = unknownKey === undefined ? issue.path : [...issue.path, unknownKey];
        const pos = positionAt(doc, lineCounter, fieldPath, { keyOfLast: unknownKey !== undefined });
        const where = pos ? `${path}:${pos.line}:${pos.column}` : path;
        const field = fieldPath.map(String).join('.') || '(hela filen)';
        located.push({ line: pos?.line ?? 0, text: `${where}: ${field} ${swedishIssue(issue)}` });
      }
      located.sort((a, b) => a.line - b.line);
      problems.push(...located.map((l) => l.text));
    } else {
      return toProfile(result.data, path, source);
    }
  }
  throw new UsageError(
    `Kommunprofilen ${path} är felaktig:\n  ${problems.join('\n  ')}`,
    'Rätta profilfilen; se templates/profiler/linkoping.yaml för ett fungerande exempel.',
  );
}

function toProfile(raw: RawProfile, file: string, source: string): Profile {
  const m = raw.sida.marginaler_mm;
  return {
    file,
    source,
    municipality: raw.kommun,
    shortName: raw.kortnamn,
    footer: raw.sidfot.map((f) => ({ label: f.etikett, value: f.värde })),
    marginsMm: { top: m.topp, right: m.höger, bottom: m.botten, left: m.vänster },
    ...(raw.punkter ? { bullets: raw.punkter } : {}),
    boards: raw.nämnder.map((n) => ({
      name: n.namn,
      genitive: n.genitiv,
      dnrPattern: compileDnrPattern(n.dnr) as TextPattern, // validated above
      ...(n.dnr_äldre?.length
        ? { olderDnrPatterns: n.dnr_äldre.map((p) => compileDnrPattern(p) as TextPattern) }
        : {}),
      dnrExample: n.dnr_exempel,
      ...(n.förvaltning !== undefined ? { department: n.förvaltning } : {}),
    })),
    departments: raw.förvaltningar.map((f) => ({ name: f.namn, headTitle: f.chefstitel })),
    consequences: raw.konsekvenser.map((k) => ({
      id: k.id,
      heading: k.rubrik,
      required: k.krävs,
      ...(k.länk ? { link: { url: k.länk, text: k.länktext ?? k.länk } } : {}),
      ...(k.ej_relevant_förslag ? { notRelevantSuggestion: k.ej_relevant_förslag } : {}),
      ...(k.plural !== undefined ? { plural: k.plural } : {}),
    })),
    mbl: { heading: raw.mbl.rubrik, sentences: raw.mbl.meningar },
  };
}
