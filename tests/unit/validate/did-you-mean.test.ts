import { describe, expect, it } from 'vitest';
import { asciiFold, didYouMean } from '../../../src/util/did-you-mean.js';

describe('didYouMean', () => {
  const keys = ['förvaltning', 'förslag_till_beslut', 'nämnd', 'beslutsunderlag', 'handläggare'];
  it('matches ASCII-folded spellings first', () => {
    expect(asciiFold('Förvaltning')).toBe('forvaltning');
    expect(didYouMean('forvaltning', keys)).toBe('förvaltning');
    expect(didYouMean('namnd', keys)).toBe('nämnd');
    expect(didYouMean('handlaggare', keys)).toBe('handläggare');
  });
  it('finds near misses and refuses far ones', () => {
    expect(didYouMean('beslutsunderlga', keys)).toBe('beslutsunderlag');
    expect(didYouMean('forslag_til_beslut', keys)).toBe('förslag_till_beslut');
    expect(didYouMean('prioritet', keys)).toBeUndefined();
  });
});
