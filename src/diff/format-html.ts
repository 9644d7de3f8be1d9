/**
 * `--format html`: one self-contained, accessible page. lang="sv", real headings, <ins>/<del> carrying
 * visually hidden "infogat"/"borttaget" labels for screen readers, high-contrast colours that do not rely
 * on colour alone (underline / strike-through), and two views (löpande / sida vid sida) switched by radio
 * buttons and CSS only: no script at all. Every text from the cases is HTML-escaped.
 */

import { spokenChange } from '../doc/model.js';
import { escapeHtml } from '../util/html.js';
import { meetingSummaryLine } from './meeting.js';
import type {
  AgendaItemDiff,
  CaseDiff,
  DecisionBlockDiff,
  FieldChange,
  MeetingDiff,
  ParagraphDiff,
  PointDiff,
  SectionDiff,
  WordPart,
} from './model.js';
import { summaryLine } from './summary.js';

export { escapeHtml };

/** Case text for display: escaped; numbers grouped in thousands and ISO dates never broken across lines. */
function display(text: string): string {
  return escapeHtml(text)
    .replace(/(\d) (?=\d{3}(?!\d))/g, '$1&#160;')
    .replace(/\b\d{4}-\d{2}-\d{2}\b/g, '<span class="nw">$&</span>');
}

const hidden = (text: string) => `<span class="vh">${escapeHtml(text)}</span>`;
/** Changed text, its change spoken by screen readers (`spokenChange`, as in the PDF's /ActualText). */
const marked = (tag: 'ins' | 'del', text: string, show: (text: string) => string = display) => {
  if (text === '') return '';
  const spoken = spokenChange(tag, text);
  return `<${tag}>${hidden(spoken.open)}${show(spoken.text)}${hidden(spoken.close)}</${tag}>`;
};
const del = (text: string) => marked('del', text);
const ins = (text: string) => marked('ins', text);

type Side = 'both' | 'old' | 'new';

/** Word parts as HTML; `old`/`new` show one side only (for the side-by-side columns). */
function words(parts: readonly WordPart[], side: Side): string {
  return parts
    .map((p, k) => {
      if (p.op === 'same') return display(p.text);
      if ((p.op === 'del' && side === 'new') || (p.op === 'ins' && side === 'old')) return '';
      const replaces = side === 'both' && p.op === 'ins' && parts[k - 1]?.op === 'del';
      const lead = /^\s*/u.exec(p.text)![0] || (replaces ? ' ' : '');
      const body = p.text.trimStart();
      return escapeHtml(lead) + (p.op === 'del' ? del(body) : ins(body));
    })
    .join('');
}

interface Item {
  kind: string;
  old?: string;
  new?: string;
  words?: WordPart[];
}

function content(item: Item, side: Side): string {
  if (item.kind === 'added') return side === 'old' ? '' : ins(item.new ?? '');
  if (item.kind === 'removed') return side === 'new' ? '' : del(item.old ?? '');
  if (item.words) return words(item.words, side);
  return display((side === 'old' ? item.old : item.new) ?? item.new ?? item.old ?? '');
}

/** The two views of one changed text: inline and two columns. */
function both(item: Item, tag = 'p'): string {
  return `<div class="inline"><${tag} class="text">${content(item, 'both')}</${tag}></div>
<div class="sbs"><div class="col old"><span class="vh">Tidigare lydelse: </span>${content(item, 'old')}</div><div class="col new"><span class="vh">Ny lydelse: </span>${content(item, 'new')}</div></div>`;
}

const badge = (kind: string, text: string) => `<span class="badge ${kind}">${escapeHtml(text)}</span>`;
const kindBadge: Record<string, string> = {
  added: badge('added', 'ny'),
  removed: badge('removed', 'borttagen'),
  changed: badge('changed', 'ändrad'),
  same: '',
};

/** A table of changed fields, old and new value side by side; nothing when no field changed. */
function fieldTable(fields: FieldChange[], caption: string): string {
  if (fields.length === 0) return '';
  const rows = fields
    .map(
      (f) =>
        `<tr><th scope="row">${escapeHtml(f.label)} ${kindBadge[f.kind]}</th><td>${content(f, 'old') || '<span class="none">–</span>'}</td><td>${content(f, 'new') || '<span class="none">–</span>'}</td></tr>`,
    )
    .join('\n');
  return `<table><caption class="vh">${escapeHtml(caption)}</caption>
<thead><tr><th scope="col">Uppgift</th><th scope="col">Tidigare</th><th scope="col">Nu</th></tr></thead>
<tbody>
${rows}
</tbody></table>`;
}

/** A top-level group (h2) of the report; nothing when it has no content. */
function group(id: string, title: string, body: string): string {
  if (body === '') return '';
  return `<section aria-labelledby="h-${id}"><h2 id="h-${id}">${escapeHtml(title)}</h2>\n${body}</section>`;
}

function metadataHtml(fields: FieldChange[]): string {
  return group('meta', 'Metadata', fieldTable(fields, 'Ändrade uppgifter i ärendets huvud'));
}

function pointHtml(p: PointDiff): string {
  const renumbered = p.oldNumber !== undefined && p.newNumber !== undefined && p.oldNumber !== p.newNumber;
  const notes = [
    kindBadge[p.kind],
    p.moved ? badge('moved', 'flyttad') : '',
    renumbered ? badge('note', `tidigare punkt ${p.oldNumber}`) : '',
  ].join(' ');
  const number = p.newNumber ?? p.oldNumber;
  const head = notes.trim() === '' ? '' : `<div class="point-head">${notes}</div>`;
  return `<li class="point ${p.kind}"><span class="num">${number}.</span><div>${head}${both(p)}</div></li>`;
}

function decisionsHtml(blocks: DecisionBlockDiff[]): string {
  const changed = blocks.filter((b) => b.kind !== 'same');
  if (changed.length === 0) return '';
  const html = changed
    .map((b) => {
      const title = `${escapeHtml(b.board)} ${b.kind === 'added' ? badge('added', 'ny nämnd') : b.kind === 'removed' ? badge('removed', 'nämnden borttagen') : ''}`;
      return `<h3>${title}</h3>\n<ol class="points">${b.points.map(pointHtml).join('\n')}</ol>`;
    })
    .join('\n');
  return `<section aria-labelledby="h-beslut"><h2 id="h-beslut">Förslag till beslut</h2>\n${html}</section>`;
}

/** "Stycke" is neuter: nytt, borttaget, ändrat. */
const paragraphBadge: Record<string, string> = {
  added: badge('added', 'nytt stycke'),
  removed: badge('removed', 'borttaget stycke'),
  changed: badge('changed', 'ändrat stycke'),
  same: '',
};

function paragraphHtml(p: ParagraphDiff): string {
  if (p.kind === 'same' && !p.moved) return '';
  const notes = [paragraphBadge[p.kind], p.moved ? badge('moved', 'flyttat stycke') : ''].join(' ').trim();
  return `<div class="para ${p.kind}">${notes ? `<div class="para-head">${notes}</div>` : ''}${both(p)}</div>`;
}

function sectionHtml(s: SectionDiff): string {
  const notes = [
    s.kind === 'added'
      ? badge('added', 'nytt avsnitt')
      : s.kind === 'removed'
        ? badge('removed', 'avsnittet borttaget')
        : '',
    s.oldHeading !== undefined ? badge('note', `tidigare rubrik: ${s.oldHeading}`) : '',
    s.moved ? badge('moved', `flyttat från plats ${s.oldIndex} till ${s.newIndex}`) : '',
  ].join(' ');
  const heading = s.kind === 'removed' ? marked('del', s.heading, escapeHtml) : escapeHtml(s.heading);
  return `<section class="body-section"><h3>${heading} ${notes}</h3>\n${s.paragraphs.map(paragraphHtml).join('\n')}</section>`;
}

function sectionsHtml(sections: SectionDiff[]): string {
  const changed = sections.filter((s) => s.kind !== 'same' || s.moved);
  if (changed.length === 0) return '';
  const same = sections.filter((s) => s.kind === 'same' && !s.moved).map((s) => escapeHtml(s.heading));
  const unchanged =
    same.length > 0 ? `<p class="unchanged">Oförändrade avsnitt: ${same.join(', ')}.</p>` : '';
  return `<section aria-labelledby="h-text"><h2 id="h-text">Löptext</h2>\n${changed.map(sectionHtml).join('\n')}\n${unchanged}</section>`;
}

const css = `
:root{--fg:#1b1b1b;--muted:#4a4a4a;--bg:#fff;--line:#c9c9c9;--ins-bg:#d7f3dc;--ins-fg:#0a4a17;--del-bg:#fde0e0;--del-fg:#7d0b0b;--accent:#1f4e8c}
*{box-sizing:border-box}
body{margin:0;font:17px/1.55 "Noto Sans",Arial,system-ui,sans-serif;color:var(--fg);background:var(--bg)}
.page{max-width:64rem;margin:0 auto;padding:1.5rem 1.25rem 3rem}
h1{font-size:1.6rem;margin:0 0 .25rem}
h2{font-size:1.25rem;margin:2rem 0 .75rem;padding-bottom:.25rem;border-bottom:2px solid var(--accent);color:var(--accent)}
h3{font-size:1.05rem;margin:1.25rem 0 .5rem}
.files{margin:.25rem 0;color:var(--muted)}
.files code{font:inherit;font-weight:600;color:var(--fg)}
.summary{margin:1rem 0;padding:.75rem 1rem;border-left:5px solid var(--accent);background:#eef3fa;font-weight:600}
ins{background:var(--ins-bg);color:var(--ins-fg);text-decoration:underline;text-decoration-thickness:2px;text-underline-offset:2px;border-radius:2px;padding:0 .1em}
del{background:var(--del-bg);color:var(--del-fg);text-decoration:line-through;text-decoration-thickness:2px;border-radius:2px;padding:0 .1em}
.vh{position:absolute!important;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
.badge{display:inline-block;font-size:.78rem;font-weight:600;line-height:1.4;padding:.05rem .5rem;border-radius:1rem;border:1px solid;vertical-align:middle;margin-left:.25rem}
.badge.added{color:var(--ins-fg);background:var(--ins-bg)}
.badge.removed{color:var(--del-fg);background:var(--del-bg)}
.badge.changed{color:#5a3b00;background:#fff0c9}
.badge.moved,.badge.note{color:#2a3f66;background:#e6ecf7}
table{border-collapse:collapse;width:100%}
th,td{border:1px solid var(--line);padding:.45rem .6rem;text-align:left;vertical-align:top}
thead th{background:#f2f2f2}
tbody th{font-weight:600;width:28%}
.none{color:var(--muted)}
ol.points{list-style:none;padding:0;margin:0}
.point,.para{border:1px solid var(--line);border-radius:6px;padding:.6rem .8rem;margin:.6rem 0}
.point{display:grid;grid-template-columns:1.75rem 1fr;align-items:start}
.point.same{border-style:dashed;color:var(--muted);background:#fafafa}
.point.added{border-left:5px solid #2e7d3e}
.point.removed{border-left:5px solid #b3261e}
.point.changed,.para.changed{border-left:5px solid #b07d00}
.para.added{border-left:5px solid #2e7d3e}
.para.removed{border-left:5px solid #b3261e}
.point-head,.para-head{margin-bottom:.2rem}
.num{font-weight:700;line-height:1.55}
.text{margin:0}
.sbs{display:none;grid-template-columns:1fr 1fr;gap:.75rem}
.col{padding:.4rem .6rem;border-radius:4px}
.col.old{background:#fbf7f7}
.col.new{background:#f6fbf7}
.colheads{display:none;grid-template-columns:1fr 1fr;gap:.75rem;font-weight:700;color:var(--muted);position:sticky;top:0;background:var(--bg);padding:.4rem 0;border-bottom:1px solid var(--line)}
.unchanged{color:var(--muted)}
.nw{white-space:nowrap}
fieldset.views{border:1px solid var(--line);border-radius:6px;padding:.4rem .8rem .6rem;margin:0 0 .5rem;display:inline-block}
fieldset.views legend{font-weight:600;padding:0 .3rem}
fieldset.views label{margin-right:1rem;cursor:pointer}
input[type=radio]{accent-color:var(--accent);width:1.05rem;height:1.05rem;vertical-align:-2px}
input:focus-visible+label{outline:3px solid var(--accent);outline-offset:2px}
body:has(#vy-sida:checked) .inline{display:none}
body:has(#vy-sida:checked) .sbs,body:has(#vy-sida:checked) .colheads{display:grid}
footer{margin-top:2.5rem;color:var(--muted);font-size:.9rem}
@media (max-width:40rem){.sbs{grid-template-columns:1fr}}
@media print{fieldset.views{display:none}}
`;

interface Page {
  /** "ärendet" or "mötesfilen". */
  what: string;
  oldLabel: string;
  newLabel: string;
  summary: string;
  main: string;
}

/** The page around a report: head, labels, summary, the view switch and the legend. */
function page(p: Page): string {
  return `<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Ändringar – ${escapeHtml(p.newLabel)}</title>
<style>${css}</style>
</head>
<body>
<div class="page">
<header>
<h1>Ändringar i ${escapeHtml(p.what)}</h1>
<p class="files">Tidigare version: <code>${escapeHtml(p.oldLabel)}</code><br>Ny version: <code>${escapeHtml(p.newLabel)}</code></p>
<p class="summary" role="status">${escapeHtml(p.summary)}</p>
<fieldset class="views"><legend>Visning</legend>
<input type="radio" name="vy" id="vy-lopande" checked><label for="vy-lopande">Löpande text</label>
<input type="radio" name="vy" id="vy-sida"><label for="vy-sida">Sida vid sida</label>
</fieldset>
<p class="legend">Teckenförklaring: ${marked('ins', 'infogad text')} ${marked('del', 'borttagen text')}</p>
</header>
<div class="colheads" aria-hidden="true"><div>Tidigare lydelse</div><div>Ny lydelse</div></div>
<main>
${p.main || '<p>Inga skillnader i innehållet.</p>'}
</main>
<footer>Skapad av skrivelse jämför. Omformade rader, blanksteg och Unicode-normalform räknas inte som ändringar.</footer>
</div>
</body>
</html>
`;
}

export function formatHtml(diff: CaseDiff): string {
  const main = [metadataHtml(diff.metadata), decisionsHtml(diff.decisions), sectionsHtml(diff.sections)]
    .filter((s) => s !== '')
    .join('\n');
  return page({
    what: 'ärendet',
    oldLabel: diff.oldLabel,
    newLabel: diff.newLabel,
    summary: summaryLine(diff.summary),
    main,
  });
}

/** "2. Rubrik (fil.md)" with badges for what happened to the item (or to its decision). */
function itemHeading(item: AgendaItemDiff, notes: string): string {
  const number = item.newNumber ?? item.oldNumber;
  const title =
    item.kind === 'removed'
      ? marked('del', item.title, escapeHtml)
      : item.kind === 'added'
        ? marked('ins', item.title, escapeHtml)
        : escapeHtml(item.title);
  const file = item.file === undefined ? '' : ` <span class="none">(${escapeHtml(item.file)})</span>`;
  const badges = notes.replace(/\s+/g, ' ').trim();
  return `<h3>${number}. ${title}${file}${badges === '' ? '' : ` ${badges}`}</h3>`;
}

function agendaHtml(items: AgendaItemDiff[]): string {
  return items
    .filter((i) => i.kind === 'added' || i.kind === 'removed' || i.moved || i.fields.length > 0)
    .map((i) => {
      const renumbered =
        i.oldNumber !== undefined && i.newNumber !== undefined && i.oldNumber !== i.newNumber;
      const notes = [
        i.kind === 'added' || i.kind === 'removed' ? kindBadge[i.kind] : '',
        i.moved
          ? badge('moved', `flyttad från punkt ${i.oldNumber}`)
          : renumbered
            ? badge('note', `tidigare punkt ${i.oldNumber}`)
            : '',
      ].join(' ');
      return `${itemHeading(i, notes)}\n${fieldTable(i.fields, `Ändrade uppgifter för punkt ${i.newNumber ?? i.oldNumber}`)}`;
    })
    .join('\n');
}

function meetingDecisionsHtml(items: AgendaItemDiff[]): string {
  return items
    .flatMap((i) => {
      const d = i.decision;
      if (!d || d.kind === 'same') return [];
      const state =
        d.kind === 'added'
          ? badge('added', 'nytt beslut')
          : d.kind === 'removed'
            ? badge('removed', 'beslutet borttaget')
            : '';
      const notes = `${badge('note', `§ ${d.paragraph}`)} ${state}`;
      const points = d.points.some((p) => p.kind !== 'same' || p.moved)
        ? `<ol class="points">${d.points.map(pointHtml).join('\n')}</ol>`
        : '';
      return [
        `${itemHeading(i, notes)}\n${fieldTable(d.fields, `Ändringar i beslutet för punkt ${i.newNumber ?? i.oldNumber}`)}${points}`,
      ];
    })
    .join('\n');
}

export function formatMeetingHtml(diff: MeetingDiff): string {
  const main = [
    group('mote', 'Mötet', fieldTable(diff.meeting, 'Ändrade uppgifter om mötet')),
    group('lista', 'Föredragningslistan', agendaHtml(diff.items)),
    group('beslut', 'Beslut', meetingDecisionsHtml(diff.items)),
    group('protokoll', 'Protokoll', fieldTable(diff.protocol, 'Ändrade uppgifter i protokollet')),
  ]
    .filter((s) => s !== '')
    .join('\n');
  return page({
    what: 'mötesfilen',
    oldLabel: diff.oldLabel,
    newLabel: diff.newLabel,
    summary: meetingSummaryLine(diff.summary),
    main,
  });
}
