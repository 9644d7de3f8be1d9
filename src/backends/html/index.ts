/**
 * HTML backend: Doc → one self-contained, semantic, accessible page (lang from the Doc, real headings,
 * lists, tables with header cells, figures with their text alternative as data: images, footnotes with
 * links both ways, the table of contents as a nav). The same content as the PDF and the DOCX; the page
 * furniture that only paginates (page numbers, the short head) is left out. No script, no external
 * request; every text passes escapeHtml (util/html.ts), and only allowed web and mail addresses become
 * links. A diff document's changes are <ins>/<del> with the spoken labels of the PDF.
 */
import { linkUri } from '../../doc/links.js';
import {
  type Block,
  type BlockChange,
  type Doc,
  headLines,
  type Inline,
  isRemoval,
  type ListBlock,
  type ListItem,
  type ListItemBlock,
  type RunChange,
  spokenChange,
  type TableCell,
} from '../../doc/model.js';
import { bulletAt } from '../../doc/typography.js';
import { escapeHtml as esc } from '../../util/html.js';

const hidden = (text: string) => `<span class="vh">${esc(text)}</span>`;

/** Changed text wrapped as inserted or deleted, its change spoken (as the PDF's /ActualText). */
function changed(change: RunChange | undefined, html: string, plain: string): string {
  if (!change) return html;
  const tag = change === 'ins' ? 'ins' : 'del';
  const spoken = spokenChange(change, plain);
  return `<${tag}>${hidden(spoken.open)}${html}${hidden(spoken.close)}</${tag}>`;
}

/** Inline runs; runs of one allowed link target are one <a>. */
function inlines(list: readonly Inline[]): string {
  let out = '';
  for (let i = 0; i < list.length; ) {
    const inline = list[i]!;
    if (inline.type === 'break') {
      out += '<br>';
      i++;
      continue;
    }
    if (inline.type === 'noteRef') {
      const n = inline.number;
      out += inline.first
        ? `<sup><a href="#fotnot-${n}" id="fotnotref-${n}" aria-label="Fotnot ${n}">${n}</a></sup>`
        : `<sup><a href="#fotnot-${n}" aria-label="Fotnot ${n}">${n}</a></sup>`;
      i++;
      continue;
    }
    const uri = linkUri(inline.href);
    if (uri === undefined) {
      out += run(inline);
      i++;
      continue;
    }
    let inner = '';
    while (i < list.length) {
      const next = list[i]!;
      if (next.type !== 'text' || next.href !== inline.href) break;
      inner += run(next);
      i++;
    }
    out += `<a href="${esc(uri)}">${inner}</a>`;
  }
  return out;
}

function run(r: Extract<Inline, { type: 'text' }>): string {
  let html = esc(r.text);
  if (r.italic) html = `<em>${html}</em>`;
  if (r.bold) html = `<strong>${html}</strong>`;
  return changed(r.change, html, r.text);
}

/** A block-level element, marked as a whole when the block is inserted, deleted or moved. */
function wrapChange(change: BlockChange | undefined, html: string): string {
  if (change === undefined) return html;
  const cls = isRemoval(change) ? 'del' : 'ins';
  const label = change.startsWith('move') ? (isRemoval(change) ? 'Flyttat härifrån' : 'Flyttat hit') : '';
  return `<div class="change ${cls}">${label ? hidden(`${label}: `) : ''}${html}</div>`;
}

/** Heading ids, for the table of contents' links: in document order. */
interface Context {
  headingIds: Map<Block, string>;
  bullets?: readonly string[];
}

function listHtml(list: ListBlock, depth: number, ctx: Context): string {
  const items = list.items.map((item) => itemHtml(item, depth, ctx)).join('');
  if (list.ordered) return `<ol${list.start !== 1 ? ` start="${list.start}"` : ''}>${items}</ol>`;
  const bullet = bulletAt(depth, ctx.bullets);
  return `<ul style="list-style-type:&quot;${esc(bullet)}\\a0 &quot;">${items}</ul>`;
}

function itemHtml(item: ListItem, depth: number, ctx: Context): string {
  const content = item.blocks
    .map((b: ListItemBlock) =>
      b.type === 'list' ? listHtml(b, depth + 1, ctx) : `<p>${inlines(b.inlines)}</p>`,
    )
    .join('');
  const cls = item.change === undefined ? '' : ` class="change ${isRemoval(item.change) ? 'del' : 'ins'}"`;
  return `<li${cls}>${content}</li>`;
}

function cellHtml(tag: 'th' | 'td', cell: TableCell, align: string, scope = ''): string {
  const style = align === 'left' ? '' : ` style="text-align:${align}"`;
  return `<${tag}${scope}${style}>${inlines(cell.inlines)}</${tag}>`;
}

function blockHtml(block: Block, ctx: Context): string {
  switch (block.type) {
    case 'title':
      return wrapChange(block.change, `<h1>${inlines(block.inlines)}</h1>`);
    case 'heading': {
      const id = ctx.headingIds.get(block);
      return wrapChange(
        block.change,
        `<h${block.level}${id ? ` id="${id}"` : ''}>${inlines(block.inlines)}</h${block.level}>`,
      );
    }
    case 'paragraph':
      return wrapChange(
        block.change,
        `<p${block.role === 'label' ? ' class="label"' : ''}>${inlines(block.inlines)}</p>`,
      );
    case 'list':
      return wrapChange(block.change, listHtml(block, 0, ctx));
    case 'rule':
      return '<hr>';
    case 'signatures':
      return `<div class="signatures">${block.signatures
        .map(
          (s) =>
            `<p class="signature">${[s.department, s.name, s.title ?? '']
              .filter(Boolean)
              .map(esc)
              .join('<br>')}</p>`,
        )
        .join('')}</div>`;
    case 'recipients':
      return wrapChange(
        block.change,
        `<section class="recipients" aria-label="${esc(block.label.replace(/:$/, ''))}"><p class="label">${esc(block.label)}</p><ul>${block.recipients
          .map((r, i) => `<li>${changed(block.changes?.[i], esc(r), r)}</li>`)
          .join('')}</ul></section>`,
      );
    case 'notes':
      return `<section class="notes" aria-label="Fotnoter"><hr><ol>${block.notes
        .map(
          (n) =>
            `<li id="fotnot-${n.number}" value="${n.number}">${n.paragraphs
              .map((p) => `<p>${inlines(p)}</p>`)
              .join(
                '',
              )} <a href="#fotnotref-${n.number}" aria-label="Tillbaka till fotnot ${n.number}">↩</a></li>`,
        )
        .join('')}</ol></section>`;
    case 'table':
      return wrapChange(
        block.change,
        `<table><thead><tr>${block.header
          .map((c, i) => cellHtml('th', c, block.align[i] ?? 'left', ' scope="col"'))
          .join('')}</tr></thead><tbody>${block.rows
          .map((r) => `<tr>${r.map((c, i) => cellHtml('td', c, block.align[i] ?? 'left')).join('')}</tr>`)
          .join('')}</tbody></table>`,
      );
    case 'figure': {
      const data = Buffer.from(block.image.bytes).toString('base64');
      const mime = block.image.format === 'png' ? 'image/png' : 'image/jpeg';
      return wrapChange(
        block.change,
        `<figure><img src="data:${mime};base64,${data}" alt="${esc(block.alt)}" width="${block.image.widthPx}" height="${block.image.heightPx}"></figure>`,
      );
    }
    case 'quote':
      return wrapChange(
        block.change,
        `<blockquote>${block.blocks.map((b) => blockHtml(b, ctx)).join('')}</blockquote>`,
      );
    case 'toc':
      return tocHtml(block, ctx);
  }
}

/** The table of contents: a nav listing the headings after it (to its depth), linked to them. */
function tocHtml(block: Extract<Block, { type: 'toc' }>, ctx: Context): string {
  const entries = [...ctx.headingIds]
    .filter(([b]) => b.type === 'heading' && b.level <= block.depth)
    .map(([b, id]) => {
      const heading = b as Extract<Block, { type: 'heading' }>;
      const text = heading.inlines.map((i) => (i.type === 'text' ? i.text : '')).join('');
      return `<li class="toc-${heading.level}"><a href="#${id}">${esc(text)}</a></li>`;
    })
    .join('');
  return `<nav class="toc" aria-labelledby="innehall"><h2 id="innehall">${esc(block.title)}</h2><ul>${entries}</ul></nav>`;
}

function headHtml(doc: Doc): string {
  const f = doc.furniture;
  const lines = (part: Parameters<typeof headLines>[1]) =>
    headLines(f, part)
      .map((l) => inlines(l))
      .filter(Boolean);
  const dated = lines('dated');
  const list = (items: string[]) => items.map((i) => `<li>${i}</li>`).join('');
  return `<header class="head">
<p class="municipality">${esc(f.municipality)}</p>
<p class="doc-label">${esc(f.label)}</p>
<dl>
<dt>Datum</dt><dd>${dated[0] ?? ''}</dd>
${dated.length > 1 ? `<dt>Diarienummer</dt><dd><ul class="plain">${list(dated.slice(1))}</ul></dd>` : ''}
<dt>Från</dt><dd><ul class="plain">${list(lines('sender'))}</ul></dd>
<dt>Till</dt><dd><ul class="plain">${list(lines('addressees'))}</ul></dd>
</dl>
</header>`;
}

function footerHtml(doc: Doc): string {
  const fields = doc.furniture.footer;
  if (fields.length === 0) return '';
  return `<footer><dl>${fields.map((x) => `<dt>${esc(x.label)}</dt><dd>${esc(x.value)}</dd>`).join('')}</dl></footer>`;
}

const css = `
:root{--fg:#1b1b1b;--muted:#4a4a4a;--line:#8a8a8a;--link:#0b4f9c;--ins:#0a4a17;--del:#7d0b0b}
*{box-sizing:border-box}
body{margin:0;color:var(--fg);background:#fff;font:17px/1.55 "Noto Sans","Liberation Sans",Arial,system-ui,sans-serif}
.page{max-width:44rem;margin:0 auto;padding:2rem 1.25rem 3rem}
.head{display:grid;grid-template-columns:1fr 1fr;gap:.25rem 1.5rem;margin-bottom:2rem;font-size:.95rem}
.head .municipality{font-weight:700;font-size:1.25rem;margin:0}
.head .doc-label{font-weight:700;margin:0;letter-spacing:.04em}
.head dl{grid-column:1/-1;display:grid;grid-template-columns:max-content 1fr;gap:.15rem 1rem;margin:.5rem 0 0}
.head dt{color:var(--muted)}
.head dd{margin:0}
ul.plain{list-style:none;margin:0;padding:0}
h1{font-size:1.6rem;line-height:1.25;margin:0 0 1rem}
h2{font-size:1.2rem;margin:1.75rem 0 .5rem}
h3{font-size:1.05rem;margin:1.25rem 0 .4rem}
h4{font-size:1rem;font-style:italic;margin:1rem 0 .3rem}
p{margin:0 0 .75rem}
p.label{font-weight:700;margin-bottom:.25rem}
hr{border:0;border-top:1px solid var(--line);margin:1.25rem 0}
a{color:var(--link);text-decoration:underline}
a:focus{outline:3px solid var(--link);outline-offset:2px}
table{border-collapse:collapse;margin:0 0 1rem;width:auto;max-width:100%}
th,td{border:1px solid var(--line);padding:.3rem .55rem;vertical-align:top}
th{text-align:left;background:#f0f0f0}
figure{margin:1rem 0}
figure img{max-width:100%;height:auto}
blockquote{margin:0 0 1rem;padding-left:1rem;border-left:3px solid var(--line)}
.signatures{display:flex;flex-wrap:wrap;gap:1rem 3rem;margin-top:2rem}
.recipients{margin-top:1.5rem}
.recipients ul{list-style:none;padding:0;margin:0}
.notes{font-size:.9rem;margin-top:2rem}
nav.toc ul{list-style:none;padding:0}
nav.toc .toc-3{padding-left:1.25rem}
nav.toc .toc-4{padding-left:2.5rem}
footer{margin-top:3rem;border-top:1px solid var(--line);padding-top:.75rem;font-size:.85rem}
footer dl{display:flex;flex-wrap:wrap;gap:.25rem 2rem;margin:0}
footer dt{font-weight:700}
footer dd{margin:0 1rem 0 0}
ins{color:var(--ins);text-decoration:underline}
del{color:var(--del);text-decoration:line-through}
.change.ins{border-left:4px solid var(--ins);padding-left:.5rem}
.change.del{border-left:4px solid var(--del);padding-left:.5rem}
.vh{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@media print{.page{max-width:none;padding:0}a{color:inherit}}
`;

/** The page. Headings get ids (`rubrik-N`) in document order, for the table of contents. */
export function renderHtml(doc: Doc): string {
  const headingIds = new Map<Block, string>();
  for (const b of doc.blocks) if (b.type === 'heading') headingIds.set(b, `rubrik-${headingIds.size + 1}`);
  const ctx: Context = { headingIds, ...(doc.bullets ? { bullets: doc.bullets } : {}) };
  const meta = doc.meta;
  const metaTag = (name: string, content: string) =>
    content ? `<meta name="${name}" content="${esc(content)}">\n` : '';
  return `<!doctype html>
<html lang="${esc(meta.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(meta.title)}</title>
${metaTag('description', meta.subject)}${metaTag('author', meta.author)}${metaTag('keywords', meta.keywords.join(', '))}${metaTag('generator', meta.creator)}<style>${css}</style>
</head>
<body>
<div class="page">
${headHtml(doc)}
<main>
${doc.blocks.map((b) => blockHtml(b, ctx)).join('\n')}
</main>
${footerHtml(doc)}
</div>
</body>
</html>
`;
}
