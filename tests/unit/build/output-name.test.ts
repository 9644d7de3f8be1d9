import { describe, expect, it } from 'vitest';
import { outputBaseName, slug } from '../../../src/build/output-name.js';

describe('outputBaseName', () => {
  it('joins the Dnr and the first words of the rubrik', () => {
    expect(
      outputBaseName({
        dnr: ['SON 2020-281'],
        title: 'Arbetsinriktad rehabilitering och stöd för personer med funktionsnedsättning',
      }),
    ).toBe('SON-2020-281_arbetsinriktad-rehabilitering-och-stod-for');
  });

  it('keeps every Dnr of a joint memo', () => {
    expect(outputBaseName({ dnr: ['SON 2024-112', 'BIN 2024-87'], title: 'Tidiga insatser' })).toBe(
      'SON-2024-112_BIN-2024-87_tidiga-insatser',
    );
  });

  it('never yields path separators, dots first or reserved names', () => {
    for (const dnr of ['../../etc/passwd', 'KS 2024/123', 'a\\b', '..', 'CON', 'nul', '']) {
      for (const title of ['', '../x', 'COM1', 'ÅÄÖ åäö', '/\\:*?"<>|']) {
        const name = outputBaseName({ dnr: [dnr], title });
        expect(name).toMatch(/^[A-Za-z0-9][A-Za-z0-9_-]*$/);
        expect(name).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)$/i);
        expect(name.length).toBeLessThanOrEqual(80);
      }
    }
    expect(outputBaseName({ dnr: ['KS 2024/123'], title: 'Budget' })).toBe('KS-2024-123_budget');
  });

  it('folds Swedish letters', () => {
    expect(slug('Överenskommelse för år 2024 – ändring')).toBe('overenskommelse-for-ar-2024-andring');
  });
});
