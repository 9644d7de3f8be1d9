/**
 * Inline masking marks in the case text: `:maskera[Anna Andersson]{grund="uppgift om privatperson"}`.
 * The memo and the archive copy print the words as they are; the publication copy (src/publish) prints
 * "[maskerat: grund]" instead. The case parser reads text directives for this one name only: any other
 * `:namn` ("Obs:Viktigt", "kl. 10:30") is put back as the text it was written as, so prose never turns
 * into structure.
 */
import type { Nodes, Parent, Root } from 'mdast';
import type { TextDirective } from 'mdast-util-directive';
import { directiveFromMarkdown } from 'mdast-util-directive';
import { toString as nodeText } from 'mdast-util-to-string';
import { directive } from 'micromark-extension-directive';
import type { Processor } from 'unified';
import type { Diagnostic } from '../diagnostics.js';
import type { SecrecyMark, Section } from './model.js';

export const MASK_NAME = 'maskera';

/** A masking mark: a text directive named `maskera`. */
export function isMask(node: Nodes): node is TextDirective {
  return node.type === 'textDirective' && node.name === MASK_NAME;
}

/** The mark's ground (`grund="…"`), trimmed; empty when missing. */
export function maskGround(node: TextDirective): string {
  return (node.attributes?.grund ?? '').trim();
}

/** A unified plugin: text directives (`:namn[…]{…}`) in the case parser, for the masking mark. */
export function textDirectives(this: Processor): void {
  const { text } = directive();
  const data = this.data();
  data.micromarkExtensions ??= [];
  data.micromarkExtensions.push({ text });
  data.fromMarkdownExtensions ??= [];
  data.fromMarkdownExtensions.push(directiveFromMarkdown());
}

/** Puts every text directive that is not a mark back as the text it was written as (`source`: the parsed text). */
export function restoreOtherDirectives(root: Root, source: string): void {
  const visit = (node: Parent): void => {
    node.children = node.children.map((child) => {
      const n = child as Nodes;
      if (n.type === 'textDirective' && n.name !== MASK_NAME) {
        const { start, end } = n.position!;
        return { type: 'text', value: source.slice(start.offset, end.offset), position: n.position };
      }
      if ('children' in n) visit(n as Parent);
      return child;
    }) as typeof node.children;
  };
  visit(root);
}

/** Every mark under `nodes`, in order. */
export function masksIn(nodes: readonly Nodes[]): TextDirective[] {
  const found: TextDirective[] = [];
  const visit = (n: Nodes): void => {
    if (isMask(n)) found.push(n);
    else if ('children' in n) for (const c of n.children) visit(c as Nodes);
  };
  for (const n of nodes) visit(n);
  return found;
}

/** Marks without words or without a ground (`mask-empty`, `mask-ground`). */
export function maskDiagnostics(root: Root, file: string): Diagnostic[] {
  return masksIn([root]).flatMap((mark): Diagnostic[] => {
    const position = { line: mark.position!.start.line, column: mark.position!.start.column };
    const problems: Diagnostic[] = [];
    if (nodeText(mark).trim() === '')
      problems.push({
        severity: 'fel',
        rule: 'mask-empty',
        message: 'Maskeringen har ingen text: ingenting står mellan hakparenteserna.',
        hint: 'Skriv det som ska maskeras inom hakparenteserna: :maskera[Anna Andersson]{grund="…"}.',
        file,
        position,
      });
    if (maskGround(mark) === '')
      problems.push({
        severity: 'fel',
        rule: 'mask-ground',
        message: 'Maskeringen saknar grund: det måste framgå varför texten maskeras.',
        hint: 'Ange grunden, t.ex. :maskera[Anna Andersson]{grund="uppgift om privatperson"} eller {grund="26 kap. 1 § OSL"}.',
        file,
        position,
      });
    if (mark.children.some((c) => masksIn([c]).length > 0))
      problems.push({
        severity: 'fel',
        rule: 'mask-nested',
        message: 'En maskering står inuti en annan maskering.',
        hint: 'Ta bort den inre :maskera[…]; den yttre maskerar redan allt.',
        file,
        position,
      });
    return problems;
  });
}

/** Offsets in the case file: a range that publication masks (a secret section's text, or a mark). */
export interface MaskedRange {
  start: number;
  end: number;
}

/** The sections whose text `sekretess:` marks, by heading (case-insensitive, as check matches them). */
export function secretSections(sections: readonly Section[], secrecy: readonly SecrecyMark[]): Section[] {
  const marked = new Set(secrecy.map((m) => m.section.trim().toLocaleLowerCase('sv')));
  return sections.filter((s) => marked.has(s.heading.trim().toLocaleLowerCase('sv')));
}

/** Where publication masks the case file's text: secret sections and marks (personnummer aside). */
export function maskedRanges(sections: readonly Section[], secrecy: readonly SecrecyMark[]): MaskedRange[] {
  const range = (n: Nodes): MaskedRange => ({
    start: n.position!.start.offset!,
    end: n.position!.end.offset!,
  });
  const secret = new Set(secretSections(sections, secrecy));
  return sections.flatMap((s) => {
    if (!secret.has(s)) return masksIn(s.nodes).map(range);
    const nodes = s.nodes.filter((n) => n.position);
    if (nodes.length === 0) return [];
    return [{ start: range(nodes[0]!).start, end: range(nodes.at(-1)!).end }];
  });
}
