/**
 * Link targets: a memo links only to web (http, https) and e-mail (mailto) addresses, in the text and
 * under `konsekvenser: …: länk`. The backends never write other targets as links (src/doc/links.ts);
 * here the official learns about them before the memo is built.
 */
import type { Nodes } from 'mdast';
import type { Position } from '../../diagnostics.js';
import { isAllowedLink } from '../../doc/links.js';
import type { Finding, Rule, RuleContext } from '../rule.js';

const shown = (href: string) => (href.length > 60 ? `${href.slice(0, 59)}…` : href);

/** What is wrong with a target that is not allowed, in Swedish, with a hint. */
function problem(href: string): Omit<Finding, 'position' | 'field'> {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(href)?.[1]?.toLowerCase();
  if (scheme === 'http' || scheme === 'https' || scheme === 'mailto')
    return {
      message: `Länken "${shown(href)}" är ingen fullständig adress.`,
      hint: 'Skriv hela adressen, t.ex. https://www.linkoping.se/ eller mailto:namn@linkoping.se.',
    };
  if (scheme)
    return {
      message: `Länken "${shown(href)}" använder ${scheme}:, som inte får finnas i en skrivelse.`,
      hint: 'Länkar får bara gå till webbadresser (https://, http://) eller e-post (mailto:). Skriv annat som vanlig text.',
    };
  if (/^www\./i.test(href))
    return {
      message: `Länken "${shown(href)}" saknar https:// i början.`,
      hint: `Skriv "https://${shown(href)}".`,
    };
  return {
    message: `Länken "${shown(href)}" är ingen webbadress utan en relativ sökväg eller ett ankare.`,
    hint: 'Skrivelsen läses utanför webbplatsen: skriv hela adressen med https://, eller ta bort länken.',
  };
}

/** Link nodes and link definitions (`[namn]: adress`) anywhere under `nodes`, in document order, with where they start. */
function links(nodes: readonly Nodes[]): { url: string; position?: Position }[] {
  return nodes.flatMap((node) => {
    const start = node.position?.start;
    const own =
      node.type === 'link' || node.type === 'definition'
        ? [{ url: node.url, ...(start ? { position: { line: start.line, column: start.column } } : {}) }]
        : [];
    return 'children' in node ? [...own, ...links(node.children)] : own;
  });
}

function inBody(ctx: RuleContext): Finding[] {
  return links(ctx.sections.flatMap((s) => s.nodes))
    .filter(({ url }) => !isAllowedLink(url))
    .map(({ url, position }) => ({ ...problem(url), ...(position ? { position } : {}) }));
}

function inFrontMatter(ctx: RuleContext): Finding[] {
  return Object.entries(ctx.data?.konsekvenser ?? {})
    .filter(([, extra]) => extra.länk !== undefined && !isAllowedLink(extra.länk))
    .map(([id, extra]) => ({
      ...problem(extra.länk!),
      position: ctx.locate(['konsekvenser', id, 'länk']),
      field: `konsekvenser.${id}.länk`,
    }));
}

export const linkScheme: Rule = {
  severity: 'fel',
  locked: 'andra länkar än webb och e-post kan köra kod eller öppna lokala filer',
  description: 'Länkar får bara gå till webbadresser (http, https) och e-post (mailto).',
  check: (ctx) => [...inFrontMatter(ctx), ...inBody(ctx)],
};
