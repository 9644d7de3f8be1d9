/**
 * Case + profile → the data a memo template sees. Every front-matter value is escaped here. A section's
 * text is never put into the template's Markdown: the template gets a placeholder (`::avsnitt{nr=…}`),
 * and to-doc.ts puts the section's own parsed tree in its place, so nothing in a case can become, open
 * or close template structure.
 */

import { hasContent } from '../case/body.js';
import type { Case, MblStatement, Section } from '../case/model.js';
import type { Profile } from '../profile/model.js';
import { escapeAttribute, escapeMarkdown, escapeUrl } from './escape.js';
import { compileText } from './template.js';

/** Name of the placeholder directive that to-doc.ts replaces with a section's tree. */
export const sectionSlot = 'avsnitt';

function lowerFirst(text: string): string {
  return text.charAt(0).toLocaleLowerCase('sv-SE') + text.slice(1);
}

/** The placeholder of a section's text: its index among the case's sections, or '' when it has none. */
function sectionText(c: Case, section: Section): string {
  return hasContent(section) ? `::${sectionSlot}{nr="${c.sections.indexOf(section)}"}` : '';
}

function boardGenitive(profile: Profile, board: string): string {
  return profile.boards.find((b) => b.name === board)?.genitive ?? `${board}s`;
}

const mblSentenceCache = new Map<string, (data: object) => string>();

/** The profile's sentence filled in (data: `datum`, `förvaltning`, `enhet`), unescaped. */
export function fillMblSentence(
  template: string,
  data: { datum?: string; förvaltning: string; enhet?: string },
): string {
  let fill = mblSentenceCache.get(template);
  if (!fill) {
    fill = compileText(template);
    mblSentenceCache.set(template, fill);
  }
  return fill(data);
}

/** The printed MBL sentence: the official's own `text:`, or the profile's sentence for the kind. */
export function mblSentence(m: MblStatement, profile: Profile): string {
  return (
    m.text ??
    fillMblSentence(profile.mbl.sentences[m.kind], {
      datum: m.date,
      förvaltning: m.department,
      enhet: m.unit,
    })
  );
}

function signatureData(s: Case['signatures'][number]) {
  return {
    förvaltning: escapeMarkdown(s.department),
    namn: escapeAttribute(s.name),
    titel: s.title && escapeAttribute(s.title),
  };
}

const sameHeading = (a: string, b: string) =>
  a.trim().toLocaleLowerCase('sv') === b.trim().toLocaleLowerCase('sv');

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
    ärende: ärende ? sectionText(c, ärende) : '',
    beslutsunderlag: c.decisionBasis.map(escapeMarkdown),
    bakgrund: bakgrund ? sectionText(c, bakgrund) : '',
    fria_avsnitt: byRole('free').map((s) => ({ rubrik: escapeMarkdown(s.heading), text: sectionText(c, s) })),
    konsekvenser: profile.consequences.flatMap((spec) => {
      const written = c.sections.find((s) => s.role === 'consequence' && s.consequenceId === spec.id);
      const extra = c.consequences[spec.id];
      if (!written && !extra?.notRelevant && !extra?.link) return [];
      return [
        {
          rubrik: escapeMarkdown(spec.heading),
          text: written ? sectionText(c, written) : '',
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
        mening: escapeMarkdown(mblSentence(m, profile)),
      })),
    },
    // Signatures at the end (a memo's); those placed under a section go with it in `avsnitt`.
    underskrifter: c.signatures.filter((s) => s.afterSection === undefined).map(signatureData),
    // Every section in the order written, each with the signatures placed under it (a rapport's chapters).
    avsnitt: c.sections.map((s) => ({
      rubrik: escapeMarkdown(s.heading),
      text: sectionText(c, s),
      underskrifter: c.signatures
        .filter((sig) => sig.afterSection !== undefined && sameHeading(sig.afterSection, s.heading))
        .map(signatureData),
    })),
    innehåll: c.toc,
    skickas_till: c.recipients.map(escapeMarkdown),
  };
}
