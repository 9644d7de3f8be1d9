/**
 * Tracked changes of a diff document (Doc.revision set): every inserted or deleted run and paragraph mark
 * becomes a Word revision (w:ins, w:del) through docx's own revision components, with the Doc's author
 * and date and ids unique in the document. Set for the duration of one synchronous document build.
 */
import type { BlockChange, Revision, RunChange } from '../../doc/model.js';

interface Revisions {
  revision: Revision;
  next: number;
}

let current: Revisions | undefined;

/** Revision ids start above anything else the package numbers (bookmarks, footnotes). */
const firstId = 10_000;

/** Runs `build` with `revision` as the author and date of every tracked change it writes. */
export function withRevisions<T>(revision: Revision | undefined, build: () => T): T {
  const outer = current;
  current = revision ? { revision, next: firstId } : undefined;
  try {
    return build();
  } finally {
    current = outer;
  }
}

/** The attributes of one new revision (w:id, w:author, w:date), or none outside a diff document. */
export function revisionAttributes(): { id: number; author: string; date: string } | undefined {
  if (!current) return undefined;
  return { id: current.next++, ...current.revision };
}

/** A run change as Word has it: a moved block's old place is deleted, its new place inserted. */
export function runChangeOf(change: BlockChange | undefined): RunChange | undefined {
  if (change === 'del' || change === 'moveFrom') return 'del';
  if (change === 'ins' || change === 'moveTo') return 'ins';
  return undefined;
}

/** Paragraph options marking the paragraph mark itself inserted or deleted (spread into `new Paragraph`). */
export function paragraphMark(change: BlockChange | undefined): {
  run?: {
    insertion?: ReturnType<typeof revisionAttributes>;
    deletion?: ReturnType<typeof revisionAttributes>;
  };
} {
  const run = runChangeOf(change);
  const attributes = run && revisionAttributes();
  if (!attributes) return {};
  return { run: run === 'ins' ? { insertion: attributes } : { deletion: attributes } };
}
