/** Word-level diff of two texts with jsdiff's array diff over Swedish tokens. */
import { diffArrays } from 'diff';
import type { WordPart } from './model.js';
import { normalizeText } from './normalize.js';
import { type Token, tokenize, tokenKey } from './tokenize.js';

/**
 * Diffs normalised `oldText` → `newText` word by word. Adjacent runs of the same op are merged and
 * spacing is kept, so joining the `same`+`del` parts gives the old text and `same`+`ins` the new one.
 */
export function diffWords(oldText: string, newText: string): WordPart[] {
  const oldTokens = tokenize(normalizeText(oldText));
  const newTokens = tokenize(normalizeText(newText));
  const changes = diffArrays<Token>(oldTokens, newTokens, {
    comparator: (a, b) => tokenKey(a) === tokenKey(b),
  });
  const parts: WordPart[] = [];
  const push = (op: WordPart['op'], text: string) => {
    if (text === '') return;
    const last = parts.at(-1);
    if (last && last.op === op) last.text += text;
    else parts.push({ op, text });
  };
  let oldAt = 0;
  for (const change of changes) {
    if (change.added) {
      push('ins', change.value.map((t) => t.space + t.text).join(''));
      continue;
    }
    if (change.removed) {
      push('del', change.value.map((t) => t.space + t.text).join(''));
      oldAt += change.count;
      continue;
    }
    // Equal tokens: jsdiff hands us the new side's tokens; spacing may differ around punctuation.
    for (const token of change.value) {
      const oldSpace = oldTokens[oldAt]?.space ?? '';
      if (oldSpace === token.space) push('same', token.space);
      else {
        push('del', oldSpace);
        push('ins', token.space);
      }
      push('same', token.text);
      oldAt += 1;
    }
  }
  return parts;
}

/** Text of one side of a word diff. */
export function sideText(parts: readonly WordPart[], side: 'old' | 'new'): string {
  const skip = side === 'old' ? 'ins' : 'del';
  return parts
    .filter((p) => p.op !== skip)
    .map((p) => p.text)
    .join('');
}
