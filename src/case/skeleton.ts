/**
 * A new case file pre-filled from the profile. Everything the official must write is the placeholder
 * FYLL I, which `check` reports (rule `placeholder`) until it is replaced.
 */
import { notRelevantSentence } from '../profile/consequence-text.js';
import type { Board, Profile } from '../profile/model.js';

export const placeholder = 'FYLL I';
/** Used for datum when SOURCE_DATE_EPOCH is not set; it fails `check` until replaced (rule date-invalid). */
export const placeholderDate = 'ÅÅÅÅ-MM-DD';

export interface SkeletonOptions {
  board: Board;
  kind: string;
  /** ISO date, or undefined for the placeholder date. */
  date?: string;
}

const q = (text: string) => JSON.stringify(text);

export function caseSkeleton(profile: Profile, options: SkeletonOptions): string {
  const { board, kind } = options;
  const department = profile.departments.find((d) => d.name === board.department) ?? profile.departments[0]!;
  const date = options.date ?? placeholderDate;
  // A consequence with a profile link (Kommunala mål) is satisfied by the link.
  const required = profile.consequences.filter((c) => c.required && !c.link);
  const front = [
    '---',
    `mall: ${kind}`,
    `datum: ${date}`,
    `dnr: ${q(board.dnrExample)} # exempel från kommunprofilen; byt till ärendets diarienummer`,
    `# Förvaltningar i profilen: ${profile.departments.map((d) => d.name).join(', ')}`,
    `förvaltning: ${department.name}`,
    'handläggare:',
    `  namn: ${placeholder}`,
    `  # titel, telefon och epost kan också anges`,
    `nämnd: ${board.name}`,
    `rubrik: ${placeholder}`,
    'förslag_till_beslut:',
    `  - ${placeholder}`,
    'beslutsunderlag:',
    `  - Tjänsteskrivelse, ${placeholder}, ${date}`,
    ...consequenceLines(profile),
    'mbl:',
    '  typ: information # information | förhandling | samverkan | ej_aktuellt',
    '  # datum: ÅÅÅÅ-MM-DD',
    'underskrifter:',
    `  - förvaltning: ${department.name}`,
    `    namn: ${placeholder}`,
    `    titel: ${department.headTitle}`,
    'beslutet_skickas_till:',
    `  - ${placeholder}`,
    '---',
  ];
  const body = [
    '## Ärende',
    '',
    `${placeholder}: en kort sammanfattning av ärendet.`,
    '',
    `Av ovanstående skäl föreslås ${board.name.toLocaleLowerCase('sv')} att ${placeholder}.`,
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
