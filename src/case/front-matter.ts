/**
 * Splits the case text into front matter and body (gray-matter), parses the YAML with positions
 * (yaml + LineCounter) and checks it against the schema. Never throws.
 */
import matter from 'gray-matter';
import { type Document, LineCounter, parseDocument } from 'yaml';
import type { Diagnostic } from '../diagnostics.js';
import { defaultKind, type KindDefinition, kindNamed } from '../kinds/index.js';
import { positionAt, toPosition } from '../util/yaml-position.js';
import { issuesToDiagnostics, type Locate, type SourceOf } from './issues.js';
import { type CaseData, kindSchema, withKindlessKeys } from './schema.js';
import { validPart } from './valid-part.js';

export interface Split {
  /** YAML text; its line 1 is the rest of the opening `---` line, so YAML lines equal file lines. */
  yaml: string;
  body: string;
  /** Offset and line count of the body's start in the whole text. */
  bodyOffset: number;
  bodyLine: number;
}

/** gray-matter only splits here; parsing is ours (positions, all errors), so its YAML engine is a no-op. */
const splitOnly = { engines: { yaml: { parse: () => ({}), stringify: () => '' } } };

export function splitCase(text: string, file: string): { split?: Split; diagnostics: Diagnostic[] } {
  if (!/^---[ \t]*\n/.test(text)) {
    const noHeader: Diagnostic = {
      severity: 'fel',
      rule: 'front-matter-missing',
      message: 'Filen saknar YAML-huvud (front matter).',
      hint: 'En ärendefil börjar med en rad "---", sedan nycklarna (datum, dnr, nämnd …) och en avslutande rad "---".',
      file,
      position: { line: 1, column: 1 },
    };
    return { diagnostics: [noHeader] };
  }
  const parsed = matter(text, splitOnly as Parameters<typeof matter>[1]);
  const afterYaml = 3 + parsed.matter.length;
  if (!/^\n---[ \t]*(\n|$)/.test(text.slice(afterYaml))) {
    return {
      diagnostics: [
        {
          severity: 'fel',
          rule: 'front-matter-unclosed',
          message: 'YAML-huvudet avslutas aldrig med en rad "---".',
          hint: 'Lägg en rad med bara "---" efter sista nyckeln, före brödtexten.',
          file,
          position: { line: 1, column: 1 },
        },
      ],
    };
  }
  const bodyOffset = text.length - parsed.content.length;
  const bodyLine = text.slice(0, bodyOffset).split('\n').length;
  return { split: { yaml: parsed.matter, body: parsed.content, bodyOffset, bodyLine }, diagnostics: [] };
}

export interface FrontMatter {
  /** The schema-valid keys: all of them when the schema passed, else those no issue points at. */
  data?: Partial<CaseData>;
  locate: Locate;
  diagnostics: Diagnostic[];
  /** The document kind `mall:` names (the default kind when it names none); set when the keys were read. */
  kind?: KindDefinition;
}

const yamlRules: Record<string, { rule: string; message: string; hint?: string }> = {
  DUPLICATE_KEY: {
    rule: 'yaml-duplicate-key',
    message: 'Nyckeln förekommer två gånger.',
    hint: 'Ta bort eller slå ihop den ena förekomsten.',
  },
  TAB_AS_INDENT: {
    rule: 'yaml-tab',
    message: 'Tabbtecken används som indrag i YAML-huvudet.',
    hint: 'Använd mellanslag för indrag (YAML tillåter inte tabbar).',
  },
};

/** Later YAML errors are mostly echoes of the first ones. */
const maxYamlErrors = 10;

/** Swedish wording for the YAML errors officials meet most often. */
const yamlMessages: Record<string, string> = {
  BLOCK_AS_IMPLICIT_KEY: 'ett värde innehåller kolon följt av mellanslag (": ") utan citattecken',
  BAD_INDENT: 'indraget stämmer inte med raderna ovanför',
  MISSING_CHAR: 'ett tecken saknas (t.ex. en avslutande ] eller })',
  MULTILINE_IMPLICIT_KEY: 'en nyckel sträcker sig över flera rader; saknas ett kolon eller ett citattecken?',
  UNEXPECTED_TOKEN: 'oväntat tecken',
};

/** Offset of the quote that opens the unclosed string ending at `end` (the last one opening a value). */
function openingQuote(yaml: string, end: number): number {
  let at = end;
  for (const m of yaml.slice(0, end).matchAll(/(?:^|[:\-[,]\s*)(["'])/gm)) at = m.index + m[0].length - 1;
  return at;
}

export function readFrontMatter(yaml: string, file: string): FrontMatter {
  const lineCounter = new LineCounter();
  let doc: Document | undefined;
  try {
    doc = parseDocument(yaml, { lineCounter, uniqueKeys: true, prettyErrors: false, version: '1.2' });
  } catch {
    doc = undefined;
  }
  const locate: Locate = (path, key) =>
    doc ? positionAt(doc, lineCounter, path, { keyOfLast: key }) : undefined;
  const diagnostics: Diagnostic[] = tabDiagnostics(yaml, file);
  const tabLines = new Set(diagnostics.map((d) => d.position?.line));
  if (!doc) {
    diagnostics.push({ severity: 'fel', rule: 'yaml-syntax', message: 'YAML-huvudet kan inte läsas.', file });
    return { locate, diagnostics };
  }
  for (const error of doc.errors.slice(0, maxYamlErrors)) {
    const unclosedQuote = error.code === 'MISSING_CHAR' && /quote/.test(error.message);
    const position = toPosition(lineCounter, unclosedQuote ? openingQuote(yaml, error.pos[0]) : error.pos[0]);
    if (tabLines.has(position.line)) continue;
    const known = yamlRules[error.code];
    const detail = error.message.split('\n')[0]?.replace(/ at line \d+, column \d+.*$/, '') ?? '';
    const said = unclosedQuote
      ? 'citattecknet som börjar här stängs aldrig'
      : (yamlMessages[error.code] ?? detail);
    diagnostics.push({
      severity: 'fel',
      rule: known?.rule ?? 'yaml-syntax',
      message: known?.message ?? `YAML-huvudet har ett syntaxfel: ${said}.`,
      hint:
        known?.hint ??
        'Kontrollera indrag, kolon efter varje nyckel och citattecken runt text som innehåller ": " eller börjar med specialtecken.',
      file,
      position,
    });
  }
  if (diagnostics.length > 0) return { locate, diagnostics };

  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: 100 });
  } catch {
    // Thrown for alias bombs (an anchor expanded exponentially); nothing else in a parsed document throws.
    diagnostics.push({
      severity: 'fel',
      rule: 'yaml-syntax',
      message: 'YAML-huvudet använder för många alias (*namn).',
      hint: 'Skriv ut värdena i stället för att hänvisa till dem med & och *.',
      file,
      position: { line: 2, column: 1 },
    });
    return { locate, diagnostics };
  }
  if (raw === null || raw === undefined || typeof raw !== 'object' || Array.isArray(raw)) {
    diagnostics.push({
      severity: 'fel',
      rule: 'field-type',
      message: 'YAML-huvudet ska bestå av nycklar med värden (datum:, dnr:, nämnd: …).',
      file,
      position: { line: 2, column: 1 },
    });
    return { locate, diagnostics };
  }
  // The kind decides the keys; an unknown `mall:` is checked as the default kind (and reported by its rule).
  const mall = (raw as Record<string, unknown>).mall;
  const kind = (typeof mall === 'string' ? kindNamed(mall) : undefined) ?? defaultKind;
  const schema = schemaOf(kind);
  const result = schema.safeParse(raw, { reportInput: true });
  if (!result.success) {
    const sourceOf: SourceOf = (path) => {
      const node = doc.getIn(path, true) as { range?: [number, number, number] } | undefined;
      return node?.range ? yaml.slice(node.range[0], node.range[1]).trim() : undefined;
    };
    const problems = issuesToDiagnostics(result.error.issues, file, locate, sourceOf, Object.keys(kind.keys));
    // The rules still check what is valid, so all problems show at once.
    const data = validPart(schema, raw as Record<string, unknown>, result.error.issues);
    return {
      ...(data ? { data: withKindlessKeys(kind.keys, data) } : {}),
      locate,
      diagnostics: problems,
      kind,
    };
  }
  return { data: withKindlessKeys(kind.keys, result.data as Partial<CaseData>), locate, diagnostics, kind };
}

export function schemaOf(kind: KindDefinition) {
  return kindSchema(kind.name, kind.keys, kind.forms, kind.defaults);
}

/** One diagnostic per line whose indentation contains a tab, pointing at the tab. */
function tabDiagnostics(yaml: string, file: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  yaml.split('\n').forEach((line, index) => {
    const indent = /^[ \t]*/.exec(line)![0];
    const tab = indent.indexOf('\t');
    if (tab !== -1 && line.trim() !== '') {
      out.push({
        severity: 'fel',
        ...yamlRules.TAB_AS_INDENT!,
        file,
        position: { line: index + 1, column: tab + 1 },
      });
    }
  });
  return out;
}
