/**
 * Swedish wording for zod issues and values, shared by the profile and case readers. Its own module so
 * that the case reader does not import the profile loader (which imports the rule table).
 */
import type { z } from 'zod';

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
