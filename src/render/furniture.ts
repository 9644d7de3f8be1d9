/** Page furniture and document metadata of a memo, from the case, the profile and the template settings. */
import type { Case } from '../case/model.js';
import type { DocMeta, Furniture, PageSetup } from '../doc/model.js';
import type { Profile } from '../profile/model.js';
import { toolName } from '../util/package-info.js';
import { oneLine } from './escape.js';
import type { TemplateSettings } from './template.js';

const a4 = { widthMm: 210, heightMm: 297 };

export function furniture(c: Case, profile: Profile, settings: TemplateSettings): Furniture {
  const { officer } = c;
  const dnrLines = c.dnr.map((d) => `${settings.dnrPrefix}${d}`);
  const named = (p: { name: string; title?: string }) => (p.title ? `${p.name}, ${p.title}` : p.name);
  return {
    municipality: profile.municipality,
    label: settings.label,
    // The förvaltning(ar), then who wrote it: the handläggare with phone and e-mail, or a rapport's authors.
    senderLines: [
      ...c.departments,
      ...(officer
        ? [
            named(officer),
            ...(officer.phone ? [officer.phone] : []),
            ...(officer.email ? [officer.email] : []),
          ]
        : []),
      ...c.authors.map(named),
    ],
    date: c.date,
    dnrLines,
    addressees: c.boards,
    shortHead: [profile.municipality, c.date, ...dnrLines],
    footer: profile.footer,
    pageNumberFormat: settings.pageNumberFormat,
  };
}

export function docMeta(c: Case, settings: TemplateSettings): DocMeta {
  return {
    title: oneLine(c.title),
    author: c.officer?.name ?? c.authors.map((a) => a.name).join(', '),
    subject: c.dnr.map((d) => `${settings.dnrPrefix}${d}`).join(', '),
    keywords: [...c.dnr, ...c.boards, c.kind],
    language: 'sv-SE',
    date: c.date,
    creator: toolName,
  };
}

export function pageSetup(profile: Profile): PageSetup {
  return { ...a4, marginsMm: { ...profile.marginsMm } };
}
