/**
 * `språk --format html`: one self-contained page (no script, no external file), lang="sv". Per case a table
 * of the sections' counts and LIX, then each section's text with every finding marked where it stands:
 * long sentences framed, flagged words underlined (not by colour alone), each mark numbered and linked
 * to its message and hint below. Case text is escaped with the diff page's escapeHtml.
 */
import { escapeHtml } from '../diff/format-html.js';
import { decimal } from './lix.js';
import { type CaseReport, findingsOf, longestShown, type ReportFinding, statsLine } from './report.js';
import type { TextUnit } from './text.js';

/** Findings that cover a whole sentence; word findings are marked inside them. */
const sentenceRules = new Set(['sentence-long', 'decision-one-sentence']);

/** Ranges that nest: a range that would cross one already placed is listed, not marked. */
function nestedRanges(findings: readonly ReportFinding[]): ReportFinding[] {
  const placed: ReportFinding[] = [];
  const ordered = [...findings].sort(
    (a, b) => Number(sentenceRules.has(b.rule)) - Number(sentenceRules.has(a.rule)) || a.start - b.start,
  );
  for (const f of ordered) {
    if (f.rule === 'paragraph-long' || f.end <= f.start) continue;
    const crosses = placed.some(
      (p) => f.start < p.end && p.start < f.end && !(p.start <= f.start && f.end <= p.end),
    );
    if (!crosses) placed.push(f);
  }
  return placed.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** One unit's text with its marks. */
function unitHtml(unit: TextUnit, findings: readonly ReportFinding[]): string {
  const ranges = nestedRanges(findings);
  let html = '';
  let at = 0;
  const open: ReportFinding[] = [];
  const closeUntil = (offset: number) => {
    while (open.length > 0 && open.at(-1)!.end <= offset) {
      const f = open.pop()!;
      html += `${escapeHtml(unit.text.slice(at, f.end))}<span class="vh">]</span></mark><sup><a href="#f-${f.number}">${f.number}</a></sup>`;
      at = f.end;
    }
  };
  for (const f of ranges) {
    closeUntil(f.start);
    html += escapeHtml(unit.text.slice(at, f.start));
    at = f.start;
    html += `<mark class="${f.severity} ${f.rule}" id="m-${f.number}" title="${escapeHtml(f.message)}"><span class="vh">[${f.severity} ${f.number}: </span>`;
    open.push(f);
  }
  closeUntil(unit.text.length);
  html += escapeHtml(unit.text.slice(at));
  const long = findings.find((f) => f.rule === 'paragraph-long');
  const note = long
    ? ` <sup><a href="#f-${long.number}" class="para-note">stycke ${long.number}</a></sup>`
    : '';
  const tag = unit.kind === 'heading' ? 'h4' : 'p';
  return `<${tag} class="unit ${unit.kind}${long ? ' long' : ''}">${html}${note}</${tag}>`;
}

function findingItem(f: ReportFinding): string {
  const where = f.position ? `rad ${f.position.line}:${f.position.column}` : '';
  const link =
    f.unit !== undefined && f.rule !== 'paragraph-long' ? `<a href="#m-${f.number}">${where}</a>` : where;
  return `<li id="f-${f.number}" value="${f.number}"><span class="badge ${f.severity}">${f.severity}</span> <code>${f.rule}</code> ${link}<br>${escapeHtml(f.message)}<br><span class="hint">Tips: ${escapeHtml(f.hint)}</span></li>`;
}

function findingList(findings: readonly ReportFinding[]): string {
  return findings.length ? `<ol class="findings">\n${findings.map(findingItem).join('\n')}\n</ol>` : '';
}

function caseHtml(r: CaseReport, index: number): string {
  const { units, sections, total } = r.analysis;
  const rows = [...sections, total]
    .map(
      (s) =>
        `<tr${s === total ? ' class="total"' : ''}><th scope="row">${escapeHtml(s.heading)}</th><td>${s.words}</td><td>${s.sentences}</td><td>${s.sentences ? decimal(s.lix) : '–'}</td><td>${s.sentences ? s.band : '–'}</td></tr>`,
    )
    .join('\n');
  const body = sections
    .map((s, k) => {
      const marked = findingsOf(r, s.heading);
      const text = units
        .map((u, i) => [u, i] as const)
        .filter(([u]) => u.section === s.heading)
        .map(([u, i]) =>
          unitHtml(
            u,
            marked.filter((f) => f.unit === i),
          ),
        )
        .join('\n');
      const longest = s.longest
        .slice(0, longestShown)
        .map(
          (l) =>
            `<li>rad ${l.position?.line ?? '?'}, ${l.words} ord: ${escapeHtml(l.text.replace(/\s+/g, ' '))}</li>`,
        )
        .join('');
      return `<section class="body-section" aria-labelledby="h-${index}-${k}">
<h3 id="h-${index}-${k}">${escapeHtml(s.heading)} <span class="stats">${escapeHtml(statsLine(s))}</span></h3>
<div class="text">${text}</div>
${longest ? `<details><summary>Längsta meningar</summary><ol class="longest">${longest}</ol></details>` : ''}
${findingList(marked)}
</section>`;
    })
    .join('\n');
  return `<article aria-labelledby="c-${index}">
<h2 id="c-${index}">${escapeHtml(r.title)}</h2>
<p class="file"><code>${escapeHtml(r.file)}</code> · ${escapeHtml(statsLine(total))} · ${r.findings.length} markeringar</p>
<table><caption class="vh">Ord, meningar och LIX per avsnitt</caption>
<thead><tr><th scope="col">Avsnitt</th><th scope="col">Ord</th><th scope="col">Meningar</th><th scope="col">LIX</th><th scope="col">Nivå</th></tr></thead>
<tbody>
${rows}
</tbody></table>
${findingList(findingsOf(r, ''))}
${body}
</article>`;
}

const css = `
:root{--fg:#1b1b1b;--muted:#4a4a4a;--bg:#fff;--line:#c9c9c9;--accent:#1f4e8c;--warn-bg:#fff0c9;--warn-fg:#5a3b00;--info-bg:#e6ecf7;--info-fg:#2a3f66;--err-bg:#fde0e0;--err-fg:#7d0b0b}
*{box-sizing:border-box}
body{margin:0;font:17px/1.6 "Noto Sans",Arial,system-ui,sans-serif;color:var(--fg);background:var(--bg)}
.page{max-width:64rem;margin:0 auto;padding:1.5rem 1.25rem 3rem}
h1{font-size:1.6rem;margin:0 0 .25rem}
h2{font-size:1.3rem;margin:2rem 0 .5rem;padding-bottom:.25rem;border-bottom:2px solid var(--accent);color:var(--accent)}
h3{font-size:1.05rem;margin:1.5rem 0 .5rem}
h4{font-size:1rem;margin:.75rem 0 .25rem}
.stats,.file{font-weight:400;color:var(--muted);font-size:.9rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0}
th,td{border:1px solid var(--line);padding:.35rem .6rem;text-align:left}
td{text-align:right}
thead th{background:#f2f2f2}
tr.total th,tr.total td{font-weight:700}
.text{border:1px solid var(--line);border-radius:6px;padding:.4rem .9rem}
.unit.long{border-left:5px solid #b07d00;padding-left:.6rem}
.unit.decision{font-weight:600}
mark{background:var(--info-bg);color:var(--info-fg);text-decoration:underline dotted 2px;text-underline-offset:3px;border-radius:2px;padding:0 .05em}
mark.varning{background:var(--warn-bg);color:var(--warn-fg);text-decoration:underline wavy 1.5px}
mark.fel{background:var(--err-bg);color:var(--err-fg);text-decoration:underline solid 2px}
mark.sentence-long,mark.decision-one-sentence{background:transparent;color:inherit;outline:2px dashed #b07d00;outline-offset:1px;text-decoration:none}
mark mark{margin:0 .05em}
sup a{font-size:.75rem;color:var(--accent)}
ol.findings{margin:.6rem 0;padding-left:2.2rem}
ol.findings li{margin:.4rem 0}
.hint{color:var(--muted)}
.badge{display:inline-block;font-size:.78rem;font-weight:600;padding:.05rem .5rem;border-radius:1rem;border:1px solid}
.badge.info{color:var(--info-fg);background:var(--info-bg)}
.badge.varning{color:var(--warn-fg);background:var(--warn-bg)}
.badge.fel{color:var(--err-fg);background:var(--err-bg)}
code{font-size:.9em}
.vh{position:absolute!important;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
footer{margin-top:2.5rem;color:var(--muted);font-size:.9rem}
`;

export function formatReportHtml(reports: readonly CaseReport[]): string {
  const title = reports.length === 1 ? reports[0]!.title : `${reports.length} ärenden`;
  return `<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Klarspråk – ${escapeHtml(title)}</title>
<style>${css}</style>
</head>
<body>
<div class="page">
<header>
<h1>Klarspråk</h1>
<p>Ord, meningar och läsbarhet (LIX) per avsnitt. Markerad text har en kommentar; siffran leder till den.
<mark class="info"><span class="vh">[info: </span>prickad understrykning<span class="vh">]</span></mark> är info,
<mark class="varning"><span class="vh">[varning: </span>vågig understrykning<span class="vh">]</span></mark> en varning, och en streckad ram en för lång mening.</p>
</header>
<main>
${reports.map(caseHtml).join('\n')}
</main>
<footer>Skapad av skrivelse språk. LIX = ord per mening + 100 × andelen ord med fler än sex bokstäver.</footer>
</div>
</body>
</html>
`;
}
