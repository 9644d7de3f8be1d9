/**
 * Rendering: validated Case → template (Handlebars) → Markdown → remark → one Doc, the single input of
 * every backend. The template's Markdown holds only escaped front-matter values and placeholders; the
 * sections' trees from the case file are put in place of the placeholders (to-doc.ts).
 */
import type { Case } from '../case/model.js';
import type { Doc } from '../doc/model.js';
import { keepNumbersTogetherIn } from '../doc/nobreak.js';
import { kindNamed } from '../kinds/index.js';
import type { Profile } from '../profile/model.js';
import { templateData } from './data.js';
import { docMeta, furniture, pageSetup } from './furniture.js';
import { parseTemplateOutput } from './parse.js';
import { loadTemplate } from './template.js';
import { toDocBlocks } from './to-doc.js';

/** The Markdown a case's template produces, with section placeholders (exposed for debugging and tests). */
export function renderMarkdown(c: Case, profile: Profile): string {
  return loadTemplate(c.kind).fill(templateData(c, profile));
}

export function renderDoc(c: Case, profile: Profile): Doc {
  const template = loadTemplate(c.kind);
  // Numbers kept whole at line ends, here once for both backends (doc/nobreak.ts).
  const bullets = profile.bullets ?? kindNamed(c.kind)?.bullets;
  return keepNumbersTogetherIn({
    meta: docMeta(c, template.settings),
    ...(bullets ? { bullets } : {}),
    page: pageSetup(profile),
    furniture: furniture(c, profile, template.settings),
    blocks: toDocBlocks(parseTemplateOutput(template.fill(templateData(c, profile))), c.sections, c.images),
  });
}
