/**
 * What happens to each node type the case parser (remark-parse with GFM, body-parser.ts) can produce: printed in
 * every format, or refused by `check` with its position and a Swedish hint, so that nothing an official
 * writes is silently dropped. A test holds this table to every node type @types/mdast defines.
 */
import type { ListItem, Nodes, Root, Text } from 'mdast';
import type { Diagnostic } from '../diagnostics.js';

export interface Refused {
  message: string;
  hint: string;
}

/** `true`: printed in PDF and DOCX; otherwise why not and what to write instead. */
export const markdownCoverage: Record<Nodes['type'], true | Refused> = {
  root: true,
  paragraph: true,
  heading: true,
  thematicBreak: true,
  blockquote: true,
  list: true,
  listItem: true,
  text: true,
  emphasis: true,
  strong: true,
  inlineCode: true,
  code: true,
  break: true,
  link: true,
  // Comments are notes to colleagues; other HTML is printed as the text it is.
  html: true,
  // Not produced: the front matter is read before the body is parsed.
  yaml: true,
  // Set with a header row, columns sized from their content and the header repeated on every page.
  table: true,
  tableRow: true,
  tableCell: true,
  // Numbered in order of first reference; footnoteDiagnostics below checks that they pair up.
  footnoteReference: true,
  footnoteDefinition: true,
  // Printed when it stands in a paragraph of its own; images.ts reads the file and reports what is wrong.
  image: true,
  imageReference: {
    message: 'Bilder med referens (![text][namn]) skrivs inte ut.',
    hint: 'Skriv bildens filnamn direkt: ![Beskrivning](bild.png).',
  },
  delete: {
    message: 'Genomstruken text (~~ ~~) kan inte visas som genomstruken; den skulle se ut som vanlig text.',
    hint: 'Ta bort texten, eller skriv ut vad som ändrats i löptext.',
  },
  // Linked to its definition's address (to-doc.ts); remark makes one only when the definition exists.
  linkReference: true,
  // The template's own block syntax; the case parser has none, so a case can never produce these.
  containerDirective: { message: 'Mallens blocksyntax hör inte hemma i ärendet.', hint: 'Ta bort raden.' },
  leafDirective: { message: 'Mallens blocksyntax hör inte hemma i ärendet.', hint: 'Ta bort raden.' },
  // Only the masking mark :maskera[…]{grund="…"} (masks.ts): its words are printed, and masked on publication.
  textDirective: true,
  // Where a reference link points: not text of its own, and its address is checked by link-scheme.
  definition: true,
};

const taskItem: Refused = {
  message: 'En punkt med kryssruta ([ ] eller [x]) skulle skrivas ut utan kryssrutan.',
  hint: 'Skriv i stället ut läget i texten, t.ex. "Klart:" eller "Återstår:".',
};

const listInNote: Refused = {
  message: 'En lista i en fotnot kan ännu inte skrivas ut; punkterna skulle falla bort.',
  hint: 'Skriv fotnotens punkter som löptext, t.ex. åtskilda med semikolon.',
};

/** Where a table or an image cannot stand: a list item and a footnote hold text and lists only. */
const insideText: Record<'table' | 'image', Record<'listItem' | 'footnoteDefinition', Refused>> = {
  table: {
    listItem: {
      message: 'En tabell i en punkt i en lista kan inte skrivas ut; den skulle falla bort.',
      hint: 'Ställ tabellen efter listan, utan indrag, med en tom rad före.',
    },
    footnoteDefinition: {
      message: 'En tabell i en fotnot kan inte skrivas ut; den skulle falla bort.',
      hint: 'Ställ tabellen i texten och hänvisa till den från fotnoten.',
    },
  },
  image: {
    listItem: {
      message: 'En bild i en punkt i en lista kan inte skrivas ut; den skulle falla bort.',
      hint: 'Ställ bilden efter listan, på en egen rad utan indrag.',
    },
    footnoteDefinition: {
      message: 'En bild i en fotnot kan inte skrivas ut; den skulle falla bort.',
      hint: 'Ställ bilden i texten och hänvisa till den från fotnoten.',
    },
  },
};

/** Every node (at any depth) whose content would not reach the page, as a fel at its position. */
export function coverageDiagnostics(root: Root, file: string): Diagnostic[] {
  const found: Diagnostic[] = [];
  const report = (node: Nodes, refused: Refused) => {
    const start = node.position?.start;
    found.push({
      severity: 'fel',
      rule: 'markdown-unsupported',
      message: refused.message,
      hint: refused.hint,
      file,
      ...(start ? { position: { line: start.line, column: start.column } } : {}),
    });
  };
  /** `within`: the innermost list item or footnote the node stands in, if any. */
  const visit = (node: Nodes, within?: 'listItem' | 'footnoteDefinition'): void => {
    const coverage = markdownCoverage[node.type];
    if (coverage !== true) {
      report(node, coverage);
      return; // a construct's children are covered by its message
    }
    // A note's text is paragraphs only (Note.paragraphs); its list would be lost.
    if (node.type === 'list' && within === 'footnoteDefinition') {
      report(node, listInNote);
      return;
    }
    if ((node.type === 'table' || node.type === 'image') && within) {
      report(node, insideText[node.type][within]);
      return;
    }
    if (node.type === 'listItem' && typeof (node as ListItem).checked === 'boolean') report(node, taskItem);
    const inner = node.type === 'listItem' || node.type === 'footnoteDefinition' ? node.type : within;
    if ('children' in node) for (const child of node.children) visit(child as Nodes, inner);
  };
  visit(root);
  return found;
}

/** What GFM leaves as text when `[^namn]` has no `[^namn]: …` anywhere in the body. */
const danglingReference = /\[\^([^\]\s]+)\]/g;

function walk(node: Nodes, visit: (node: Nodes) => void): void {
  visit(node);
  if ('children' in node) for (const child of node.children) walk(child as Nodes, visit);
}

/**
 * Footnotes that do not pair up: a reference without a definition is printed as "[^1]" (fel); a
 * definition no reference points to would not be printed (varning: the memo is whole without it, but
 * the text was written for a reason).
 */
export function footnoteDiagnostics(root: Root, file: string): Diagnostic[] {
  const found: Diagnostic[] = [];
  const referenced = new Set<string>();
  walk(root, (node) => {
    if (node.type === 'footnoteReference') referenced.add(node.identifier);
  });
  walk(root, (node) => {
    if (node.type === 'text') {
      const { value, position } = node as Text;
      for (const match of value.matchAll(danglingReference)) {
        const before = value.slice(0, match.index);
        const lineOffset = before.split('\n').length - 1;
        const start = position?.start;
        const column =
          lineOffset > 0 ? before.length - before.lastIndexOf('\n') : (start?.column ?? 1) + before.length;
        found.push({
          severity: 'fel',
          rule: 'footnote-missing',
          message: `Fotnoten ${match[0]} har ingen fotnotstext; den skulle skrivas ut som "${match[0]}".`,
          hint: `Skriv fotnotens text på en egen rad i brödtexten: "${match[0]}: Texten i fotnoten." – eller ta bort hänvisningen.`,
          file,
          ...(start ? { position: { line: start.line + lineOffset, column } } : {}),
        });
      }
    }
    if (node.type === 'footnoteDefinition' && !referenced.has(node.identifier)) {
      const start = node.position?.start;
      found.push({
        severity: 'varning',
        rule: 'footnote-unused',
        message: `Fotnotstexten [^${node.label ?? node.identifier}] hänvisas aldrig till och skrivs inte ut.`,
        hint: `Sätt [^${node.label ?? node.identifier}] i texten där fotnoten hör hemma, eller ta bort fotnotstexten.`,
        file,
        ...(start ? { position: { line: start.line, column: start.column } } : {}),
      });
    }
  });
  return found;
}
