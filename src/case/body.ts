/**
 * The Markdown body → sections. `## Rubrik` starts a section; `###` stays inside it. Positions are
 * shifted so they point into the whole case file, not just the body.
 */
import type { Heading, Root, RootContent } from 'mdast';
import { toString as nodeText } from 'mdast-util-to-string';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Diagnostic } from '../diagnostics.js';
import type { ConsequenceSpec } from '../profile/model.js';
import type { Section } from './model.js';

export interface Body {
  root: Root;
  sections: Section[];
  diagnostics: Diagnostic[];
}

const parser = unified().use(remarkParse);

export function parseBody(
  body: string,
  start: { offset: number; line: number },
  consequences: readonly ConsequenceSpec[],
  file: string,
): Body {
  const root = parser.parse(body);
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
  return { root, sections, diagnostics };
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
