/**
 * The case body's Markdown parser: remark with GitHub's extensions (tables, footnotes, strikethrough, task
 * lists, autolinks; what remark-gfm adds, from the same packages) and the masking mark's text directives
 * (masks.ts).
 *
 * Each GFM syntax is tried by micromark wherever it could start, which costs even where it never matches:
 * e-mail autolinks at every word (more than doubling the parse), tables at every line, footnotes at every
 * "[". None of them can match without its own character, so a body without "@" is parsed without e-mail
 * autolinks, one without "|" without tables, one without "[^" without footnotes: the same tree, sooner.
 * The tree extensions (and the autolink literals found after parsing) are all there in every variant.
 */
import type { Root } from 'mdast';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { combineExtensions } from 'micromark-util-combine-extensions';
import remarkParse from 'remark-parse';
import { type Processor, unified } from 'unified';
import { textDirectives } from './masks.js';

type Extension = ReturnType<typeof gfmTable>;

/** What a body has of the characters some GFM syntax cannot do without. */
interface Needs {
  email: boolean;
  table: boolean;
  footnote: boolean;
}

/** The autolink literals without e-mail (and mailto:, xmpp:), all of which need an "@". */
function autolinksWithoutEmail(): Extension {
  const { text = {} } = gfmAutolinkLiteral();
  const withoutEmail: NonNullable<Extension['text']> = {};
  for (const [code, constructs] of Object.entries(text)) {
    const kept = [constructs ?? []].flat().filter((c) => c.name !== 'emailAutolink');
    if (kept.length > 0) withoutEmail[code as unknown as number] = kept;
  }
  return { text: withoutEmail };
}

/** GFM's syntax extensions in remark-gfm's order (the order decides between constructs on one character). */
function gfmSyntax(needs: Needs): Extension {
  return combineExtensions([
    needs.email ? gfmAutolinkLiteral() : autolinksWithoutEmail(),
    ...(needs.footnote ? [gfmFootnote()] : []),
    gfmStrikethrough(),
    ...(needs.table ? [gfmTable()] : []),
    gfmTaskListItem(),
  ]);
}

function gfmPlugin(needs: Needs) {
  return function gfm(this: Processor): void {
    const data = this.data();
    data.micromarkExtensions ??= [];
    data.micromarkExtensions.push(gfmSyntax(needs));
    data.fromMarkdownExtensions ??= [];
    data.fromMarkdownExtensions.push(gfmFromMarkdown());
  };
}

const parsers = new Map<string, Processor<Root>>();

export function needsOf(body: string): Needs {
  return { email: body.includes('@'), table: body.includes('|'), footnote: body.includes('[^') };
}

/** The body's mdast, with positions into `body`. */
export function parseBodyMarkdown(body: string, needs: Needs = needsOf(body)): Root {
  const key = `${+needs.email}${+needs.table}${+needs.footnote}`;
  let parser = parsers.get(key);
  if (!parser) {
    parser = unified()
      .use(remarkParse)
      .use(gfmPlugin(needs))
      .use(textDirectives) as unknown as Processor<Root>;
    parsers.set(key, parser);
  }
  return parser.parse(body);
}
