/**
 * Case + profile → the data a memo template sees. Every front-matter value is escaped here; section texts are
 * the official's own Markdown, wrapped in source markers (see to-doc.ts).
 */
import type { Case, Section } from '../case/model.js';
import type { Profile } from '../profile/model.js';
import { escapeAttribute, escapeMarkdown, escapeUrl } from './escape.js';
import { compileText } from './template.js';

function lowerFirst(text: string): string {
  return text.charAt(0).toLocaleLowerCase('sv-SE') + text.slice(1);
}

/** The section's Markdown, preceded by a marker giving the case-file line of its first block. */
function sectionText(section: Section): string {
  const firstLine = section.nodes[0]?.position?.start.line;
  const markdown = section.markdown.replace(/^(?:[ \t]*\n)+/, '').trimEnd();
  if (firstLine === undefined || !markdown) return '';
  return `<!-- källa:${firstLine} -->\n\n${markdown}\n\n<!-- /källa -->`;
}

function boardGenitive(profile: Profile, board: string): string {
  return profile.boards.find((b) => b.name === board)?.genitive ?? `${board}s`;
}

const mblSentenceCache = new Map<string, (data: object) => string>();

function mblSentence(template: string, data: { datum?: string; förvaltning: string }): string {
  let fill = mblSentenceCache.get(template);
  if (!fill) {
    fill = compileText(template);
    mblSentenceCache.set(template, fill);
  }
  return escapeMarkdown(fill(data));
}

export function templateData(c: Case, profile: Profile): object {
  const byRole = (role: Section['role']) => c.sections.filter((s) => s.role === role);
  const ärende = byRole('ärende')[0];
  const bakgrund = byRole('bakgrund')[0];
  return {
    rubrik: escapeMarkdown(c.title),
    beslut: c.decisions.map((block) => ({
      rubrik: escapeMarkdown(`Förslag till ${lowerFirst(boardGenitive(profile, block.board))} beslut`),
      nämnd: escapeMarkdown(block.board),
      punkter: block.points.map((p) => escapeMarkdown(p.text)),
    })),
    ärende: ärende ? sectionText(ärende) : '',
    beslutsunderlag: c.decisionBasis.map(escapeMarkdown),
    bakgrund: bakgrund ? sectionText(bakgrund) : '',
    fria_avsnitt: byRole('free').map((s) => ({ rubrik: escapeMarkdown(s.heading), text: sectionText(s) })),
    konsekvenser: profile.consequences.flatMap((spec) => {
      const written = c.sections.find((s) => s.role === 'consequence' && s.consequenceId === spec.id);
      const extra = c.consequences[spec.id];
      if (!written && !extra?.notRelevant && !extra?.link) return [];
      return [
        {
          rubrik: escapeMarkdown(spec.heading),
          text: written ? sectionText(written) : '',
          länk: extra?.link && { text: escapeMarkdown(extra.link.text), url: escapeUrl(extra.link.url) },
          ej_relevant: extra?.notRelevant && escapeMarkdown(extra.notRelevant),
        },
      ];
    }),
    mbl: {
      rubrik: escapeMarkdown(profile.mbl.heading),
      flera: c.mbl.length > 1,
      meningar: c.mbl.map((m) => ({
        förvaltning: escapeMarkdown(m.department),
        mening: mblSentence(profile.mbl.sentences[m.kind], { datum: m.date, förvaltning: m.department }),
      })),
    },
    underskrifter: c.signatures.map((s) => ({
      förvaltning: escapeMarkdown(s.department),
      namn: escapeAttribute(s.name),
      titel: s.title && escapeAttribute(s.title),
    })),
    skickas_till: c.recipients.map(escapeMarkdown),
  };
}
