/**
 * Loads a kind's template from templates/<folder>/ (src/kinds) and fills it with case data. The wording, headings and order
 * of a memo live in the template (skrivelse.md.hbs) and its page-furniture settings (mall.yaml), so a kommun
 * changes them without touching code.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { parse as parseYaml } from 'yaml';
import { UsageError } from '../errors.js';
import { availableKindsHint, kindNamed } from '../kinds/index.js';
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

export const templatesRoot = join(packageRoot, 'templates');

const bodyFile = 'skrivelse.md.hbs';

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

/** The template of the kind `mall:` names; check has made sure it names one. */
export function loadTemplate(kind: string): Template {
  const cached = cache.get(kind);
  if (cached) return cached;
  const definition = kindNamed(kind);
  if (!definition) throw new UsageError(`Det finns ingen mall "${kind}".`, availableKindsHint());
  const dir = join(templatesRoot, definition.folder);
  const body = join(dir, bodyFile);
  const template: Template = {
    kind,
    settings: readSettings(join(dir, 'mall.yaml')),
    fill: compileText(readFileSync(body, 'utf8')),
  };
  cache.set(kind, template);
  return template;
}
