// The benchmark's memos: N case files made from the example cases in cases/ (each given its own diarienummer,
// so every memo is a distinct case with its own output names), and the same memos as plain Markdown for the
// anchor (pandoc reads the case file's Markdown body; the front matter is the memo's head, which pandoc would
// not lay out anyway, so its fields are written as a short head in Markdown).
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

/** The example memos (not the meeting files), in name order. */
export function exampleCases() {
  const dir = join(root, 'cases');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => ({ name: f, text: readFileSync(join(dir, f), 'utf8') }));
}

/** `SON 2020-281` → `SON 2020-<number>` in the front matter's dnr field (one line or a list). */
function withDnrNumber(text, number) {
  const end = text.indexOf('\n---', 4);
  const head = text.slice(0, end);
  const rewritten = head.replace(/^dnr:(.*(?:\n\s+-.*)*)/m, (field) =>
    field.replace(/\b([A-ZÅÄÖ]{2,5} \d{4})-\d+\b/g, (_m, prefix) => `${prefix}-${number}`),
  );
  return rewritten + text.slice(end);
}

/** The front matter's scalar fields a reader of the anchor's memo sees in its head. */
function markdownOf(text) {
  const end = text.indexOf('\n---', 4);
  const head = text.slice(4, end);
  const body = text.slice(text.indexOf('\n', end + 1) + 1);
  const field = (name) => head.match(new RegExp(`^${name}:[ ]*(.+)$`, 'm'))?.[1]?.trim();
  const title = (head.match(/^rubrik:\s*>-?\s*\n((?:\s{2,}.+\n)+)/m)?.[1] ?? field('rubrik') ?? '')
    .replace(/\s+/g, ' ')
    .trim();
  const lines = [field('förvaltning'), field('datum'), field('dnr') && `Dnr ${field('dnr')}`, field('nämnd')]
    .filter((l) => l && l !== '')
    .join('  \n');
  return `${lines}\n\n# ${title}\n\n${body}`;
}

/**
 * Writes N memos into `dir`: `cases/<n>.md` (skrivelse's input) and `anchor/<n>.md` (pandoc's input).
 * Returns the paths.
 */
export function writeMemos(dir, n) {
  const cases = exampleCases();
  const caseDir = join(dir, 'cases');
  const anchorDir = join(dir, 'anchor');
  mkdirSync(caseDir, { recursive: true });
  mkdirSync(anchorDir, { recursive: true });
  const memos = [];
  for (let i = 0; i < n; i++) {
    const source = cases[i % cases.length];
    const text = withDnrNumber(source.text, 9000 + i);
    const name = `${String(i + 1).padStart(5, '0')}-${source.name}`;
    const casePath = join(caseDir, name);
    const anchorPath = join(anchorDir, name);
    writeFileSync(casePath, text);
    writeFileSync(anchorPath, markdownOf(text));
    memos.push({ casePath, anchorPath });
  }
  return memos;
}
