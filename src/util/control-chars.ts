/**
 * Text from case files, YAML keys, file names and profiles is shown, never obeyed: control characters
 * (ESC, BEL, CR, C1 controls) and bidi overrides are written as visible escapes like `\x1b` or `\u202e`,
 * so they cannot move the cursor, set the window title, hide text or reorder what a reviewer sees.
 */

// C0 except tab and newline, DEL, C1, bidi embeddings/overrides (U+202A–U+202E) and isolates (U+2066–U+2069).
const controls = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const controlsAndNewlines = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
// Our own colour codes (SGR: ESC [ digits/semicolons m), or any other unsafe character.
const colourOrControl =
  /\u001b\[[0-9;]*m|[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

function visible(char: string): string {
  const code = char.charCodeAt(0);
  return code < 0x100
    ? `\\x${code.toString(16).padStart(2, '0')}`
    : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** Escapes control and bidi characters; with `newlines`, line breaks too (for one-line fields). */
export function escapeControls(text: string, options: { newlines?: boolean } = {}): string {
  return text.replace(options.newlines ? controlsAndNewlines : controls, visible);
}

/** Like escapeControls, but keeps SGR colour sequences: for text a formatter built from escaped parts. */
export function escapeControlsKeepingColour(text: string): string {
  return text.replace(colourOrControl, (match) => (match.length > 1 ? match : visible(match)));
}

const jsonUnsafe = /[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** JSON text with DEL, C1 and bidi characters as `\u` escapes (JSON.stringify leaves them raw); same value. */
export function escapeJsonControls(json: string): string {
  return json.replace(jsonUnsafe, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
