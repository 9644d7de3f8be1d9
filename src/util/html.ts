/**
 * The one HTML escaper for every page we write (the memo's HTML backend, the diff page, the language
 * report): text for element content and quoted attribute values. Control and bidi characters are shown
 * as `\x1b` / `\u202e` (util/control-chars.ts), so a page never hides or reorders what the file holds.
 */
import { escapeControls } from './control-chars.js';

const escapeMap: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return escapeControls(text).replace(/[&<>"']/g, (c) => escapeMap[c]!);
}
