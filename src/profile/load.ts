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
import { defaultLanguageSettings, type LanguageSettings } from '../language/settings.js';
import { shippedWordList, toWordEntry, wordEntrySchema } from '../language/wordlist.js';
import { didYouMean } from '../util/did-you-mean.js';
import { packageRoot } from '../util/package-info.js';
import { readRegularFileBytes } from '../util/regular-file.js';
import { positionAt, toPosition } from '../util/yaml-position.js';
import { rules } from '../validate/index.js';
import { compileDnrPattern, type TextPattern } from './dnr-pattern.js';
import type { Profile } from './model.js';
import { swedishIssue } from './wording.js';

/** The default profile (Linköping), resolved relative to the installed package, not the cwd. */
export function defaultProfilePath(): string {
  return join(packageRoot, 'templates', 'profiler', 'linkoping.yaml');
}

const text = z.string().trim().min(1, 'får inte vara tom');
const wordCount = z.number().int('ska vara ett heltal').positive('ska vara större än 0');
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
    // Klarspråk: thresholds of the language rules and changes to the word list (docs/klarsprak.md).
    klarspråk: z
      .strictObject({
        max_ord_per_mening: wordCount.optional(),
        max_ord_per_stycke: wordCount.optional(),
        lix: z
          .strictObject({
            svår: z.number().positive().optional(),
            mycket_svår: z.number().positive().optional(),
            minst_ord: wordCount.optional(),
          })
          .optional(),
        ordlista: z
          .strictObject({ lägg_till: z.array(wordEntrySchema).optional(), ta_bort: z.array(text).optional() })
          .optional(),
        kända_förkortningar: z
          .array(z.string().regex(/^\p{Lu}{2,}$/u, 'ska vara en förkortning med versaler, t.ex. LSS'))
          .optional(),
      })
      .optional(),
    // What publication prints in place of what it masks (docs/publicering.md); {grund} is the ground.
    maskering: z
      .strictObject({
        avsnitt: text.optional(),
        markering: text.optional(),
        personnummer: text.optional(),
      })
      .optional(),
    // The kommun's severity per rule: rule id → av, info, varning or fel.
    regler: z.record(z.string(), z.enum(['av', 'info', 'varning', 'fel'])).optional(),
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
    checkRuleSettings(profile.regler ?? {}, ctx);
    checkLanguage(profile.klarspråk, ctx);
  });

type Refinement = z.core.$RefinementCtx;

/** `regler:` names rules that exist (with a did-you-mean), and leaves locked rules alone. */
function checkRuleSettings(settings: Record<string, string>, ctx: Refinement): void {
  const ids = Object.keys(rules);
  for (const [id, setting] of Object.entries(settings)) {
    const rule = rules[id];
    if (!rule) {
      const near = didYouMean(id, ids);
      ctx.addIssue({
        code: 'custom',
        path: ['regler', id],
        params: { atKey: true },
        message: `okänd regel "${id}"${near ? `; menade du "${near}"?` : ''} (reglerna står i docs/ärendeformat.md)`,
      });
    } else if (rule.locked && setting !== rule.severity) {
      ctx.addIssue({
        code: 'custom',
        path: ['regler', id],
        message: `kan inte ändras: ${rule.locked}`,
      });
    }
  }
}

/** The LIX limits in order, and only words the shipped list has under `ta_bort:`. */
function checkLanguage(raw: RawLanguage | undefined, ctx: Refinement): void {
  const hard = raw?.lix?.svår ?? defaultLanguageSettings().lix.hard;
  const veryHard = raw?.lix?.mycket_svår ?? defaultLanguageSettings().lix.veryHard;
  if (veryHard <= hard)
    ctx.addIssue({
      code: 'custom',
      path: ['klarspråk', 'lix', raw?.lix?.mycket_svår !== undefined ? 'mycket_svår' : 'svår'],
      message: `mycket_svår (${veryHard}) ska vara högre än svår (${hard})`,
    });
  const headwords = shippedWordList().entries.map((e) => e.word);
  raw?.ordlista?.ta_bort?.forEach((word, i) => {
    if (headwords.includes(word.toLocaleLowerCase('sv'))) return;
    const near = didYouMean(word, headwords);
    ctx.addIssue({
      code: 'custom',
      path: ['klarspråk', 'ordlista', 'ta_bort', i],
      message: `"${word}" finns inte i ordlistan templates/klarsprak.yaml${near ? `; menade du "${near}"?` : ''}`,
    });
  });
}

type RawProfile = z.infer<typeof profileSchema>;
type RawLanguage = NonNullable<RawProfile['klarspråk']>;

export { describeValue, swedishIssue, typeName } from './wording.js';

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
        const atKey = unknownKey !== undefined || (issue.code === 'custom' && issue.params?.atKey === true);
        const pos = positionAt(doc, lineCounter, fieldPath, { keyOfLast: atKey });
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
    ...(raw.regler ? { rules: raw.regler } : {}),
    language: languageSettings(raw.klarspråk),
    ...(raw.maskering ? { masking: maskingOf(raw.maskering) } : {}),
  };
}

function maskingOf(raw: { avsnitt?: string; markering?: string; personnummer?: string }): Profile['masking'] {
  return {
    ...(raw.avsnitt ? { section: raw.avsnitt } : {}),
    ...(raw.markering ? { mark: raw.markering } : {}),
    ...(raw.personnummer ? { personnummer: raw.personnummer } : {}),
  };
}

/** The defaults with the profile's thresholds; `lägg_till:` entries replace shipped ones of the same headword. */
function languageSettings(raw: RawLanguage | undefined): LanguageSettings {
  const defaults = defaultLanguageSettings();
  const added = (raw?.ordlista?.lägg_till ?? []).map(toWordEntry);
  const replaced = new Set([
    ...(raw?.ordlista?.ta_bort ?? []).map((w) => w.toLocaleLowerCase('sv')),
    ...added.map((e) => e.word.toLocaleLowerCase('sv')),
  ]);
  return {
    maxSentenceWords: raw?.max_ord_per_mening ?? defaults.maxSentenceWords,
    maxParagraphWords: raw?.max_ord_per_stycke ?? defaults.maxParagraphWords,
    lix: {
      hard: raw?.lix?.svår ?? defaults.lix.hard,
      veryHard: raw?.lix?.mycket_svår ?? defaults.lix.veryHard,
      minWords: raw?.lix?.minst_ord ?? defaults.lix.minWords,
    },
    wordList: [...defaults.wordList.filter((e) => !replaced.has(e.word)), ...added],
    knownAbbreviations: [...defaults.knownAbbreviations, ...(raw?.kända_förkortningar ?? [])],
  };
}
