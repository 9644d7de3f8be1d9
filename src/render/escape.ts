/**
 * Escaping of case data for the template's output language (Markdown with directives).
 * Every value from the front matter passes through here, so `*`, `#`, `_`, `[x](y)`, `{{`, `<script>` or `|`
 * come out as literal text, never as structure.
 */

/** Collapses all whitespace (including line breaks) to single spaces and trims. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Backslash-escapes every ASCII punctuation character: CommonMark turns `\X` back into a literal X. */
export function escapeMarkdown(text: string): string {
  return oneLine(text).replace(/[!-/:-@[-`{-~]/g, '\\$&');
}

/** Escapes a value for a quoted directive attribute (`name="…"`), which decodes character references. */
export function escapeAttribute(text: string): string {
  return oneLine(text).replace(/&/g, '&amp;').replace(/"/g, '&quot;');
}

/** A link destination in the `<…>` form, which allows spaces and parentheses but not `<`, `>` or newlines. */
export function escapeUrl(url: string): string {
  return `<${oneLine(url).replace(/[<>\\]/g, (c) => encodeURIComponent(c))}>`;
}
