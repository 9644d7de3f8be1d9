/**
 * Masking for publication. Two steps, so that nothing masked can reach any output:
 * 1. the Case: a section marked in `sekretess:` gets one sentence naming its legal ground instead of its
 *    text (its footnotes and images go with it), and every `:maskera[…]` mark becomes "[maskerat: grund]";
 *    the masked Case then goes through the ordinary pipeline (template → Doc);
 * 2. the Doc: every personnummer and samordningsnummer left anywhere (front-matter values, the title, the
 *    heads, link targets, alt texts, metadata) is replaced, across run boundaries.
 * Every masked place is logged (src/publish/log.ts) with a keyed hash of the masked text, never the text.
 */
import { createHash, createHmac } from 'node:crypto';
import type { Nodes, Parent, RootContent } from 'mdast';
import { toString as nodeText } from 'mdast-util-to-string';
import { isMask, maskedRanges, maskGround, masksIn, secretSections } from '../case/masks.js';
import type { Case, Section } from '../case/model.js';
import { findPersonnummer } from '../case/personnummer.js';
import type { Block, Doc, Furniture, Inline, ListItem, ListItemBlock, QuoteContent } from '../doc/model.js';
import type { Profile } from '../profile/model.js';
import { LineIndex } from '../util/line-index.js';

/** The words publication prints in place of what it masks. */
export interface MaskWording {
  section: (ground: string) => string;
  mark: (ground: string) => string;
  personnummer: string;
  /** The ground logged for a personnummer. */
  personnummerGround: string;
}

/** The default words; a profile's `maskering:` replaces any of the three printed ones (`wordingOf`). */
export const maskWording: MaskWording = {
  section: (ground) => `Uppgifterna i avsnittet omfattas av sekretess enligt ${ground}.`,
  mark: (ground) => `[maskerat: ${ground}]`,
  personnummer: '[personnummer maskerat]',
  // Dataskyddslagen (2018:218).
  personnummerGround:
    '3 kap. 10 § lagen (2018:218) med kompletterande bestämmelser till EU:s dataskyddsförordning',
};

/** The kommun's words from its profile (`{grund}` is the legal ground), the defaults where it has none. */
export function wordingOf(profile: Pick<Profile, 'masking'>): MaskWording {
  const own = profile.masking;
  if (!own) return maskWording;
  const withGround = (template: string) => (ground: string) => template.replaceAll('{grund}', ground);
  return {
    section: own.section === undefined ? maskWording.section : withGround(own.section),
    mark: own.mark === undefined ? maskWording.mark : withGround(own.mark),
    personnummer: own.personnummer ?? maskWording.personnummer,
    personnummerGround: maskWording.personnummerGround,
  };
}

export type MaskKind = 'avsnitt' | 'markering' | 'personnummer';

export interface MaskEntry {
  kind: MaskKind;
  /** Heading of the section the masked text stands in; absent in the front matter. */
  section?: string;
  line: number;
  column: number;
  ground: string;
  /** HMAC-SHA256 of the masked text, keyed with the SHA-256 of the case file (see `maskHash`). */
  hash: string;
}

/**
 * The masked text's fingerprint: HMAC-SHA256 keyed with the SHA-256 of the whole case file. Whoever holds
 * the case file (the registrar, in the archive) can show that a log entry is that text; the log alone
 * does not reveal it, not even a personnummer, whose few billion forms a plain hash would give away.
 */
export function maskHash(caseSource: string, masked: string): string {
  const key = createHash('sha256').update(caseSource, 'utf8').digest();
  return createHmac('sha256', key).update(masked.normalize('NFC'), 'utf8').digest('hex');
}

const paragraph = (text: string): RootContent => ({
  type: 'paragraph',
  children: [{ type: 'text', value: text }],
});

/** A copy of `nodes` with every mark replaced by its placeholder. */
function withoutMarks(nodes: readonly RootContent[], w: MaskWording): RootContent[] {
  const copy = structuredClone(nodes) as RootContent[];
  const visit = (node: Parent): void => {
    node.children = node.children.map((child) =>
      isMask(child as Nodes) ? { type: 'text', value: w.mark(maskGround(child as never)) } : child,
    ) as typeof node.children;
    for (const child of node.children) if ('children' in child) visit(child as Parent);
  };
  visit({ type: 'root', children: copy });
  return copy;
}

/** The case as it may be published: secret sections and marks replaced, and where each was. */
export function maskCase(c: Case, w: MaskWording = maskWording): { case: Case; entries: MaskEntry[] } {
  const index = new LineIndex(c.source);
  const entries: MaskEntry[] = [];
  const secret = new Set(secretSections(c.sections, c.secrecy));
  const groundOf = (s: Section) =>
    c.secrecy.find(
      (m) => m.section.trim().toLocaleLowerCase('sv') === s.heading.trim().toLocaleLowerCase('sv'),
    )!.osl;
  const sections = c.sections.map((s): Section => {
    if (secret.has(s)) {
      const sentence = w.section(groundOf(s));
      const first = s.nodes.find((n) => n.position)?.position?.start ?? s.position;
      entries.push({
        kind: 'avsnitt',
        section: s.heading,
        line: first?.line ?? 1,
        column: first?.column ?? 1,
        ground: groundOf(s),
        hash: maskHash(c.source, s.markdown),
      });
      return { ...s, nodes: [paragraph(sentence)], markdown: `${sentence}\n` };
    }
    const marks = masksIn(s.nodes);
    if (marks.length === 0) return s;
    for (const mark of marks)
      entries.push({
        kind: 'markering',
        section: s.heading,
        line: mark.position!.start.line,
        column: mark.position!.start.column,
        ground: maskGround(mark),
        hash: maskHash(c.source, nodeText(mark)),
      });
    return { ...s, nodes: withoutMarks(s.nodes, w) };
  });
  // Personnummer not already inside a masked section or mark: logged where the case file has them.
  const masked = maskedRanges(c.sections, c.secrecy);
  for (const found of findPersonnummer(c.source)) {
    if (masked.some((r) => found.index >= r.start && found.index < r.end)) continue;
    const position = index.position(found.index);
    const section = [...c.sections].reverse().find((s) => (s.position?.line ?? 0) <= position.line);
    entries.push({
      kind: 'personnummer',
      ...(section?.position ? { section: section.heading } : {}),
      line: position.line,
      column: position.column,
      ground: w.personnummerGround,
      hash: maskHash(c.source, found.text),
    });
  }
  entries.sort((a, b) => a.line - b.line || a.column - b.column);
  return { case: { ...c, sections, images: c.images }, entries };
}

/**
 * What in a case may not be made public, for the archive's package metadata (dc:rights): each secret
 * section and each mark with its ground, and personnummer once per section. No masked text.
 */
export function accessRestrictions(c: Case): { kind: MaskKind; section?: string; ground: string }[] {
  const seen = new Set<string>();
  return maskCase(c).entries.flatMap((e) => {
    const r = { kind: e.kind, ...(e.section === undefined ? {} : { section: e.section }), ground: e.ground };
    const key = JSON.stringify(r);
    if (seen.has(key)) return [];
    seen.add(key);
    return [r];
  });
}

// ---------------------------------------------------------------------------------------------------
// Personnummer in the Doc

/** `text` with every personnummer replaced. */
export function maskText(text: string, w: MaskWording = maskWording): string {
  const found = findPersonnummer(text);
  if (found.length === 0) return text;
  let out = '';
  let at = 0;
  for (const f of found) {
    out += text.slice(at, f.index) + w.personnummer;
    at = f.index + f.text.length;
  }
  return out + text.slice(at);
}

/** Stands for a line break or footnote mark in the joined text: never part of a number. */
const boundary = '\uE000';

/**
 * Inlines with every personnummer replaced, also one split over runs (a bold part, a link): the runs'
 * text is searched as one, the placeholder put in the run where the number began. A link whose target
 * holds one is no longer a link.
 */
export function maskInlines(inlines: readonly Inline[], w: MaskWording = maskWording): Inline[] {
  const joined = inlines.map((i) => (i.type === 'text' ? i.text : boundary)).join('');
  const found = findPersonnummer(joined);
  const out: Inline[] = [];
  let start = 0;
  for (const inline of inlines) {
    const length = inline.type === 'text' ? inline.text.length : 1;
    const end = start + length;
    if (inline.type !== 'text') out.push(inline);
    else {
      let text = '';
      for (let i = start; i < end; i++) {
        const hit = found.find((f) => i >= f.index && i < f.index + f.text.length);
        if (!hit) text += joined[i];
        else if (hit.index === i) text += w.personnummer;
      }
      const { href, ...rest } = inline;
      const keepsLink = href !== undefined && maskText(href, w) === href;
      if (text !== '' || length === 0) out.push({ ...rest, text, ...(keepsLink ? { href } : {}) });
    }
    start = end;
  }
  return out;
}

function maskItem(item: ListItem, w: MaskWording): ListItem {
  return { ...item, blocks: item.blocks.map((b) => maskBlock(b, w) as ListItemBlock) };
}

function maskBlock(block: Block, w: MaskWording): Block {
  const text = (t: string) => maskText(t, w);
  const inlines = (i: readonly Inline[]) => maskInlines(i, w);
  switch (block.type) {
    case 'title':
    case 'heading':
    case 'paragraph':
      return { ...block, inlines: inlines(block.inlines) };
    case 'list':
      return { ...block, items: block.items.map((i) => maskItem(i, w)) };
    case 'signatures':
      return {
        ...block,
        signatures: block.signatures.map((s) => ({
          department: text(s.department),
          name: text(s.name),
          ...(s.title === undefined ? {} : { title: text(s.title) }),
        })),
      };
    case 'recipients':
      return { ...block, label: text(block.label), recipients: block.recipients.map(text) };
    case 'notes':
      return {
        ...block,
        notes: block.notes.map((n) => ({ ...n, paragraphs: n.paragraphs.map(inlines) })),
      };
    case 'table': {
      const cell = (c: (typeof block.header)[number]) => ({ ...c, inlines: inlines(c.inlines) });
      return { ...block, header: block.header.map(cell), rows: block.rows.map((r) => r.map(cell)) };
    }
    case 'figure':
      return { ...block, alt: text(block.alt) };
    case 'quote':
      return { ...block, blocks: block.blocks.map((b) => maskBlock(b, w) as QuoteContent) };
    case 'toc':
      return { ...block, title: text(block.title) };
    case 'rule':
      return block;
  }
}

function maskFurniture(f: Furniture, w: MaskWording): Furniture {
  const text = (t: string) => maskText(t, w);
  const { changes: _changes, ...plain } = f;
  return {
    ...plain,
    municipality: text(f.municipality),
    label: text(f.label),
    senderLines: f.senderLines.map(text),
    date: text(f.date),
    dnrLines: f.dnrLines.map(text),
    addressees: f.addressees.map(text),
    shortHead: f.shortHead.map(text),
    footer: f.footer.map((x) => ({ label: text(x.label), value: text(x.value) })),
  };
}

/** The Doc with every personnummer replaced: metadata, heads, blocks, alt texts and link targets. */
export function maskDoc(doc: Doc, w: MaskWording = maskWording): Doc {
  const text = (t: string) => maskText(t, w);
  return {
    ...doc,
    meta: {
      ...doc.meta,
      title: text(doc.meta.title),
      author: text(doc.meta.author),
      subject: text(doc.meta.subject),
      keywords: doc.meta.keywords.map(text),
    },
    furniture: maskFurniture(doc.furniture, w),
    blocks: doc.blocks.map((b) => maskBlock(b, w)),
  };
}
