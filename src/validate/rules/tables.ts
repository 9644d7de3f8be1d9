/**
 * Tables whose columns cannot all be as wide as their longest word: the layout then breaks words between
 * letters to stay on the page. Measured as the PDF sets the table (its fonts, padding and column widths,
 * on the profile's text width); fontkit is loaded only when a case has a table.
 */
import type { Nodes, Table } from 'mdast';
import { tableWidths } from '../../backends/pdf/layout/table.js';
import { mmToPt, quote } from '../../doc/typography.js';
import { pageSetup } from '../../render/furniture.js';
import { caseTable } from '../../render/to-doc.js';
import type { Finding, Rule } from '../rule.js';

export const tableTooWide: Rule = {
  severity: 'varning',
  description:
    'Tabeller med fler eller bredare kolumner än sidans bredd rymmer, så att långa ord delas mitt i.',
  check: (ctx) => {
    const page = pageSetup(ctx.profile);
    const textWidthPt = mmToPt(page.widthMm - page.marginsMm.left - page.marginsMm.right);
    const out: Finding[] = [];
    // A table in a block quote is set indented, on a narrower measure.
    const visit = (node: Nodes, widthPt: number): void => {
      if (node.type === 'table') {
        const block = caseTable(node as Table);
        if (!tableWidths(block, widthPt).overflow) return;
        const start = node.position?.start;
        const columns = block.align.length;
        out.push({
          message: `Tabellen har för många eller för breda kolumner för sidans bredd (${columns} kolumner); långa ord delas mitt i.`,
          hint: 'Minska antalet kolumner, dela upp tabellen i flera eller korta de längsta orden (t.ex. med bindestreck).',
          ...(start ? { position: { line: start.line, column: start.column } } : {}),
        });
        return;
      }
      const inner = node.type === 'blockquote' ? widthPt - quote.indentPt : widthPt;
      if ('children' in node) for (const child of node.children) visit(child as Nodes, inner);
    };
    for (const section of ctx.sections) for (const node of section.nodes) visit(node, textWidthPt);
    return out;
  },
};
