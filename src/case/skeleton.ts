/**
 * A new case file pre-filled from the profile. Everything the official must write is the placeholder
 * FYLL I, which `check` reports (rule `placeholder`) until it is replaced.
 */
import { notRelevantSentence } from '../profile/consequence-text.js';
import type { Board, Profile } from '../profile/model.js';

export const placeholder = 'FYLL I';
/** Used for datum when SOURCE_DATE_EPOCH is not set; it fails `check` until replaced (rule placeholder). */
export const placeholderDate = 'ÅÅÅÅ-MM-DD';
/** The comment after each example Dnr; with it, an unchanged example is reported (rule placeholder). */
export const dnrExampleNote = 'exempel från kommunprofilen; byt till ärendets diarienummer';

export interface SkeletonOptions {
  /** The nämnder addressed, at least one; several give the joint form (gemensam tjänsteskrivelse). */
  boards: readonly Board[];
  kind: string;
  /** ISO date, or undefined for the placeholder date. */
  date?: string;
}

const q = (text: string) => JSON.stringify(text);

/** A one-or-many key: `key: value`, or for several values a list under `key:`, each line with its comment. */
function oneOrList(key: string, values: readonly string[], comment = ''): string[] {
  const note = comment && ` # ${comment}`;
  return values.length === 1
    ? [`${key}: ${values[0]}${note}`]
    : [`${key}:`, ...values.map((v) => `  - ${v}${note}`)];
}

/**
 * The case file `skrivelse new` writes. With one nämnd the plain form; with several the joint form: a Dnr
 * example per nämnd, the förvaltningar of those nämnder, beslutspunkter keyed per nämnd, one MBL statement
 * and one underskrift per förvaltning. Both pass the schema and fail `check` only on their placeholders.
 */
export function caseSkeleton(profile: Profile, options: SkeletonOptions): string {
  const { boards, kind } = options;
  if (boards.length === 0) throw new Error('caseSkeleton: at least one nämnd');
  const departments = [
    ...new Set(
      boards.map(
        (b) => (profile.departments.find((d) => d.name === b.department) ?? profile.departments[0]!).name,
      ),
    ),
  ].map((name) => profile.departments.find((d) => d.name === name)!);
  const date = options.date ?? placeholderDate;
  const joint = boards.length > 1;
  // A consequence with a profile link (Kommunala mål) is satisfied by the link.
  const required = profile.consequences.filter((c) => c.required && !c.link);
  const mblKinds = 'information | förhandling | samverkan | ej_aktuellt';
  const mblNotes = [
    'datum: dagen för informationen eller förhandlingen, t.ex. 2024-03-01',
    'enhet: den enhet som informerades, om det inte är förvaltningen själv',
  ];
  const mbl =
    departments.length === 1
      ? ['mbl:', `  typ: information # ${mblKinds}`, ...mblNotes.map((n) => `  # ${n}`)]
      : [
          'mbl:',
          ...departments.flatMap((d, i) => [
            `  - förvaltning: ${d.name}`,
            `    typ: information${i === 0 ? ` # ${mblKinds}` : ''}`,
            ...(i === 0 ? mblNotes.map((n) => `    # ${n}`) : []),
          ]),
        ];
  const decisions = joint
    ? ['förslag_till_beslut:', ...boards.flatMap((b) => [`  ${b.name}:`, `    - ${placeholder}`])]
    : ['förslag_till_beslut:', `  - ${placeholder}`];
  const front = [
    '---',
    `mall: ${kind}`,
    `datum: ${date}`,
    ...oneOrList(
      'dnr',
      boards.map((b) => q(b.dnrExample)),
      dnrExampleNote,
    ),
    `# Förvaltningar i profilen: ${profile.departments.map((d) => d.name).join(', ')}`,
    ...oneOrList(
      'förvaltning',
      departments.map((d) => d.name),
    ),
    'handläggare:',
    `  namn: ${placeholder}`,
    `  # titel, telefon och epost kan också anges`,
    ...oneOrList(
      'nämnd',
      boards.map((b) => b.name),
    ),
    `rubrik: ${placeholder}`,
    ...decisions,
    'beslutsunderlag:',
    `  - Tjänsteskrivelse, ${placeholder}, ${date}`,
    ...consequenceLines(profile),
    ...mbl,
    'underskrifter:',
    ...departments.flatMap((d) => [
      `  - förvaltning: ${d.name}`,
      `    namn: ${placeholder}`,
      `    titel: ${d.headTitle}`,
    ]),
    'beslutet_skickas_till:',
    `  - ${placeholder}`,
    '---',
  ];
  const addressed = boards.map((b) => b.name.toLocaleLowerCase('sv'));
  const body = [
    '## Ärende',
    '',
    `${placeholder}: en kort sammanfattning av ärendet.`,
    '',
    `Av ovanstående skäl föreslås ${addressed.length === 1 ? addressed[0] : `${addressed.slice(0, -1).join(', ')} och ${addressed.at(-1)}`} att ${placeholder}.`,
    '',
    '## Bakgrund',
    '',
    `${placeholder}`,
    ...required.flatMap((c) => [
      '',
      `## ${c.heading}`,
      '',
      `<!-- Är avsnittet inte relevant? Ta bort rubriken och ange i huvudet under konsekvenser:`,
      `     ${c.id}: { ej_relevant: ${q(notRelevantSentence(c))} } -->`,
      '',
      `${placeholder}`,
    ]),
  ];
  return `${front.join('\n')}\n\n${body.join('\n')}\n`;
}

function consequenceLines(profile: Profile): string[] {
  const entries: string[] = [];
  const comments: string[] = [];
  for (const c of profile.consequences) {
    if (c.link) entries.push(`  ${c.id}:`, `    länk: ${q(c.link.url)}`, `    länktext: ${q(c.link.text)}`);
    else if (c.notRelevantSuggestion)
      comments.push(`  # ${c.id}:`, `  #   ej_relevant: ${q(c.notRelevantSuggestion)}`);
  }
  return [entries.length ? 'konsekvenser:' : 'konsekvenser: {}', ...comments, ...entries];
}
