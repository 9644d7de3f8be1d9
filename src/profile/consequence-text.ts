/**
 * The suggested "ej relevant" sentence of a consequence section: the profile's own (`ej_relevant_förslag`),
 * or one built from the heading whose predicate agrees with it in number: "Ekonomiska konsekvenser har
 * bedömts inte vara relevanta", "Jämställdhet har bedömts inte vara relevant".
 */
import type { ConsequenceSpec } from './model.js';

/**
 * Whether the heading is a plural subject: the profile says so (`plural:`), else a heading whose last word
 * ends in "-er" (konsekvenser, insatser) is taken as plural. Headings the rule gets wrong ("Kommunala mål")
 * carry `plural: true` in the profile.
 */
export function isPluralHeading(spec: Pick<ConsequenceSpec, 'heading' | 'plural'>): boolean {
  if (spec.plural !== undefined) return spec.plural;
  const last = spec.heading.trim().split(/\s+/).at(-1) ?? '';
  return /er$/u.test(last.toLocaleLowerCase('sv'));
}

export function notRelevantSentence(spec: ConsequenceSpec): string {
  return (
    spec.notRelevantSuggestion ??
    `${spec.heading} har bedömts inte vara ${isPluralHeading(spec) ? 'relevanta' : 'relevant'} i detta ärende.`
  );
}
