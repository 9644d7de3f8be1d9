/**
 * Which link targets a memo may carry, decided once for `skrivelse check` and every backend: web
 * addresses (http, https) and e-mail (mailto). Anything else (javascript:, file:, data:, relative
 * paths, "#…") is never written as a link.
 */

const allowed = /^(?:https?:\/\/|mailto:)\S/i;

export function isAllowedLink(href: string | undefined): href is string {
  return href !== undefined && allowed.test(href);
}

/**
 * The target as a 7-bit ASCII URI, or undefined when it is not allowed. Printable ASCII is kept exactly
 * as written (no normalisation, so the link goes where the author wrote); every other character
 * (spaces, line breaks, non-ASCII) is percent-encoded as UTF-8.
 */
export function linkUri(href: string | undefined): string | undefined {
  if (!isAllowedLink(href)) return undefined;
  return href.replace(/[^\x21-\x7e]+/gu, (run) =>
    Array.from(
      new TextEncoder().encode(run),
      (byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`,
    ).join(''),
  );
}
