/**
 * Loads a template kind from templates/<kind>/ and fills it with case data. The wording, headings and order
 * of a memo live in the template (skrivelse.md.hbs) and its page-furniture settings (mall.yaml), so a kommun
 * changes them without touching code.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { parse as parseYaml } from 'yaml';
import { UsageError } from '../errors.js';
import { packageRoot } from '../util/package-info.js';

export interface TemplateSettings {
  /** "TJÄNSTESKRIVELSE". */
  label: string;
  /** "{n} ({m})". */
  pageNumberFormat: string;
  /** "Dnr ". */
  dnrPrefix: string;
}

export interface Template {
  kind: string;
  settings: TemplateSettings;
  fill: (data: object) => string;
}

const handlebars = Handlebars.create();
handlebars.registerHelper('inc', (index: number) => index + 1);

/** Compiles a Handlebars string whose data is escaped by the caller (see escape.ts). */
export function compileText(source: string): (data: object) => string {
  return handlebars.compile(source, { noEscape: true, strict: false });
}

/** Folder name of a template kind: "tjänsteskrivelse" → "tjansteskrivelse". */
export function templateFolder(kind: string): string {
  return kind
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

export const templatesRoot = join(packageRoot, 'templates');

const bodyFile = 'skrivelse.md.hbs';
let kinds: string[] | undefined;

/** The template kinds of this installation: folders under templates/ holding a skrivelse.md.hbs, sorted. */
export function templateKinds(): string[] {
  kinds ??= readdirSync(templatesRoot, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(templatesRoot, e.name, bodyFile)))
    .map((e) => e.name)
    .sort();
  return kinds;
}

/** True when `kind` names one of the template kinds. A kind is a plain name, never a path. */
export function isTemplateKind(kind: string): boolean {
  const folder = templateFolder(kind);
  return /^[a-z0-9][a-z0-9_-]*$/.test(folder) && templateKinds().includes(folder);
}

/** "Tillgängliga mallar: tjansteskrivelse." for hints. */
export function availableKindsHint(): string {
  return `Tillgängliga mallar: ${templateKinds().join(', ')}.`;
}

const cache = new Map<string, Template>();

function readSettings(file: string): TemplateSettings {
  const raw = parseYaml(readFileSync(file, 'utf8')) as Record<string, unknown> | null;
  const text = (key: string): string => {
    const value = raw?.[key];
    if (typeof value !== 'string') {
      throw new UsageError(`Mallinställningen "${key}" saknas eller är inte text i ${file}.`);
    }
    return value;
  };
  return { label: text('etikett'), pageNumberFormat: text('sidnummer'), dnrPrefix: text('dnr_prefix') };
}

export function loadTemplate(kind: string): Template {
  const cached = cache.get(kind);
  if (cached) return cached;
  if (!isTemplateKind(kind)) throw new UsageError(`Det finns ingen mall "${kind}".`, availableKindsHint());
  const dir = join(templatesRoot, templateFolder(kind));
  const body = join(dir, bodyFile);
  const template: Template = {
    kind,
    settings: readSettings(join(dir, 'mall.yaml')),
    fill: compileText(readFileSync(body, 'utf8')),
  };
  cache.set(kind, template);
  return template;
}
