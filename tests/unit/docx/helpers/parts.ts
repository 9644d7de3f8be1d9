/** Reading a DOCX back in tests: its parts as text, pretty-printed and queried with xmllint. */
import { execFileSync } from 'node:child_process';
import JSZip from 'jszip';

export async function readParts(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = new Map<string, string>();
  for (const name of Object.keys(zip.files).sort()) {
    if (!zip.files[name]!.dir) parts.set(name, await zip.files[name]!.async('string'));
  }
  return parts;
}

export function part(parts: Map<string, string>, name: string): string {
  const xml = parts.get(name);
  if (xml === undefined) throw new Error(`part ${name} missing; have ${[...parts.keys()].join(', ')}`);
  return xml;
}

/** xmllint --format: also fails loudly on XML that is not well-formed. */
export function prettyXml(xml: string): string {
  return execFileSync('xmllint', ['--format', '-'], { input: xml, encoding: 'utf8' });
}

/** Strings selected by an XPath 1.0 expression (use local-name() for namespaced names). */
export function xpathStrings(xml: string, expression: string): string[] {
  try {
    const out = execFileSync('xmllint', ['--xpath', expression, '-'], {
      input: xml,
      encoding: 'utf8',
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    return out.split('\n').filter((l) => l !== '');
  } catch (error) {
    // xmllint exits 10 when nothing matched.
    if ((error as { status?: number }).status === 10) return [];
    throw error;
  }
}

/** Text of all w:t elements in document order. */
export function wordTexts(xml: string): string[] {
  return xpathStrings(xml, "//*[local-name()='t']/text()");
}
