/** The problems a profile text is refused with: the lines of the UsageError after its first. */
import { expect } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { parseProfile } from '../../src/profile/load.js';

export function profileProblems(text: string): string[] {
  try {
    parseProfile(text, 'p.yaml');
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message
      .split('\n')
      .slice(1)
      .map((l) => l.trim());
  }
  throw new Error('profilen borde ha underkänts');
}
