/** Word-level diff of two texts with jsdiff's array diff over Swedish tokens. */
import { diffArrays } from 'diff';
import type { WordPart } from './model.js';
import { normalizeText } from './normalize.js';
import { type Token, tokenize, tokenKey } from './tokenize.js';

/**
 * Diffs `oldText` → `newText` (normalised unless `exact`) word by word. Adjacent runs of the same op are merged and
 * spacing is kept, so joining the `same`+`del` parts gives the old text and `same`+`ins` the new one.
 */
export function diffWords(oldText: string, newText: string, options: { exact?: boolean } = {}): WordPart[] {
  // `exact` keeps the texts as they are (no-break spaces, line breaks), for output that must rebuild them.
  const oldSource = options.exact ? oldText : normalizeText(oldText);
  const newSource = options.exact ? newText : normalizeText(newText);
  const oldTokens = tokenize(oldSource);
  const newTokens = tokenize(newSource);
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
  const oldTrail = /\s*$/u.exec(oldSource)![0];
  const newTrail = /\s*$/u.exec(newSource)![0];
  if (oldTrail === newTrail) push('same', newTrail);
  else {
    push('del', oldTrail);
    push('ins', newTrail);
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
