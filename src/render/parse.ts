/**
 * Parses the template's Markdown output with remark. Only flow (block) directives are enabled: the template
 * uses `::leaf` and `:::container` lines, while text directives (`:name`) would turn ordinary prose such as
 * "Obs:Viktigt" into structure.
 */
import type { Root } from 'mdast';
import { directiveFromMarkdown } from 'mdast-util-directive';
import { directive } from 'micromark-extension-directive';
import remarkParse from 'remark-parse';
import { type Processor, unified } from 'unified';

function flowDirectives(this: Processor): void {
  const { flow } = directive();
  const data = this.data();
  data.micromarkExtensions ??= [];
  data.micromarkExtensions.push({ flow });
  data.fromMarkdownExtensions ??= [];
  data.fromMarkdownExtensions.push(directiveFromMarkdown());
}

const processor = unified().use(remarkParse).use(flowDirectives);

export function parseTemplateOutput(markdown: string): Root {
  return processor.parse(markdown);
}
