/**
 * The Markdown body → sections. `## Rubrik` starts a section; `###` stays inside it. Positions are
 * shifted so they point into the whole case file, not just the body.
 */
import type { Heading, Nodes, Root, RootContent } from 'mdast';
import { toString as nodeText } from 'mdast-util-to-string';
import type { Diagnostic } from '../diagnostics.js';
import type { ConsequenceSpec } from '../profile/model.js';
import { parseBodyMarkdown } from './body-parser.js';
import { coverageDiagnostics, footnoteDiagnostics } from './markdown-coverage.js';
import { maskDiagnostics, restoreOtherDirectives } from './masks.js';
import type { Section } from './model.js';

export interface Body {
  root: Root;
  sections: Section[];
  diagnostics: Diagnostic[];
}

export function parseBody(
  body: string,
  start: { offset: number; line: number },
  consequences: readonly ConsequenceSpec[],
  file: string,
): Body {
  // GFM (body-parser.ts) so that what an official writes in GitHub-style Markdown is recognised;
  // markdown-coverage.ts decides what of it can be printed. Text directives for the masking mark only
  // (masks.ts puts any other back as text).
  const root = parseBodyMarkdown(body);
  restoreOtherDirectives(root, body);
  shiftPositions(root, start.offset, start.line - 1);
  const diagnostics: Diagnostic[] = [];
  const sections: Section[] = [];
  let current: { section: Section; from: number } | undefined;
  let strayReported = false;

  const close = (to: number) => {
    if (!current) return;
    current.section.markdown = body.slice(current.from, to).replace(/^\n+/, '').replace(/\s+$/, '');
    current.section.markdown &&= `${current.section.markdown}\n`;
  };

  for (const node of root.children) {
    if (node.type === 'heading' && node.depth <= 2) {
      if (node.depth === 1) {
        diagnostics.push({
          severity: 'fel',
          rule: 'heading-level',
          message: `Rubriken "${nodeText(node)}" har nivå 1 (#); avsnitt skrivs med ## .`,
          hint: 'Rubriken på skrivelsen anges med rubrik: i huvudet. Avsnitt börjar med "## ".',
          file,
          position: point(node),
        });
      }
      close(node.position!.start.offset! - start.offset);
      current = { section: newSection(node, consequences), from: node.position!.end.offset! - start.offset };
      sections.push(current.section);
      continue;
    }
    if (current) {
      current.section.nodes.push(node);
    } else if (!isComment(node) && !strayReported) {
      strayReported = true;
      diagnostics.push({
        severity: 'fel',
        rule: 'text-before-section',
        message: 'Det finns text före första avsnittsrubriken.',
        hint: 'Lägg texten under en rubrik, t.ex. "## Ärende".',
        file,
        position: point(node),
      });
    }
  }
  close(body.length);
  diagnostics.push(
    ...nestedProblems(root, body, start.offset, file),
    ...coverageDiagnostics(root, file),
    ...footnoteDiagnostics(root, file),
    ...maskDiagnostics(root, file),
  );
  return { root, sections, diagnostics };
}

/** Level-1 headings below the top level (in a quote or a list), and fences or comments that never close. */
function nestedProblems(root: Root, body: string, offset: number, file: string): Diagnostic[] {
  const found: Diagnostic[] = [];
  const visit = (node: Nodes, depth: number): void => {
    if (node.type === 'heading' && node.depth === 1 && depth > 1)
      found.push({
        severity: 'fel',
        rule: 'heading-level',
        message: `Rubriken "${nodeText(node)}" har nivå 1 (#) inuti ett citat eller en lista.`,
        hint: 'Skrivelsen har bara en rubrik på nivå 1 (rubrik: i huvudet). Skriv en underrubrik med "### ".',
        file,
        position: point(node),
      });
    const raw = node.position
      ? body.slice(node.position.start.offset! - offset, node.position.end.offset! - offset)
      : '';
    if (node.type === 'code' && isUnclosedFence(raw))
      found.push({
        severity: 'fel',
        rule: 'unclosed-block',
        message: 'Kodblocket som börjar här stängs aldrig, så resten av filen blir ett kodblock.',
        hint: `Avsluta kodblocket med en rad med ${raw.trimStart().slice(0, 3)}, eller ta bort raden som öppnar det.`,
        file,
        position: point(node),
      });
    if (node.type === 'html' && /^\s*<!--/.test(node.value) && !node.value.includes('-->'))
      found.push({
        severity: 'fel',
        rule: 'unclosed-block',
        message: 'Kommentaren som börjar här stängs aldrig, så ingenting efter den skrivs ut.',
        hint: 'Avsluta kommentaren med -->.',
        file,
        position: point(node),
      });
    if ('children' in node) for (const child of node.children) visit(child as Nodes, depth + 1);
  };
  visit(root, 0);
  return found;
}

/** A fenced code block whose last line is not a closing fence of the same kind and at least the same length. */
function isUnclosedFence(raw: string): boolean {
  const open = /^[ \t]*(`{3,}|~{3,})/.exec(raw)?.[1];
  if (!open) return false;
  const lines = raw.trimEnd().split('\n');
  if (lines.length < 2) return true;
  // Inside a block quote each line starts with its ">" markers.
  const last = lines[lines.length - 1]!.replace(/^[\s>]*/, '').trim();
  return !(last.startsWith(open) && new RegExp(`^\\${open[0]}+$`).test(last));
}

function newSection(node: Heading, consequences: readonly ConsequenceSpec[]): Section {
  const heading = nodeText(node).trim();
  const key = heading.toLocaleLowerCase('sv');
  const consequence = consequences.find((c) => c.heading.toLocaleLowerCase('sv') === key);
  const role =
    key === 'ärende' ? 'ärende' : key === 'bakgrund' ? 'bakgrund' : consequence ? 'consequence' : 'free';
  return {
    heading,
    role,
    ...(consequence ? { consequenceId: consequence.id } : {}),
    markdown: '',
    nodes: [],
    position: point(node),
  };
}

/** HTML comments (`<!-- … -->`) are notes to the writer, not content. */
export function isComment(node: RootContent): boolean {
  return node.type === 'html' && /^\s*<!--[\s\S]*-->\s*$/.test(node.value);
}

/** True when a section has content beyond comments. */
export function hasContent(section: Section): boolean {
  return section.nodes.some((n) => !isComment(n));
}

function point(node: { position?: { start: { line: number; column: number } } }) {
  const start = node.position?.start;
  return start ? { line: start.line, column: start.column } : undefined;
}

function shiftPositions(node: unknown, offset: number, lines: number): void {
  const stack: unknown[] = [node];
  while (stack.length > 0) {
    const n = stack.pop() as {
      position?: { start: { line: number; offset?: number }; end: { line: number; offset?: number } };
      children?: unknown[];
    };
    if (n.position) {
      for (const p of [n.position.start, n.position.end]) {
        p.line += lines;
        if (p.offset !== undefined) p.offset += offset;
      }
    }
    for (const child of n.children ?? []) stack.push(child);
  }
}
