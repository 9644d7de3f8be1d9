/**
 * The tagged structure: StructTreeRoot → Document → H1/H2/H3, P, L/LI/Lbl/LBody, Table/THead/TBody/TR/TH/TD,
 * Link. Content is attached in drawing order (which is reading order), so each element's /K lists its marked
 * content and children in the order they are read. The ParentTree maps each page's MCIDs and each link
 * annotation back to elements.
 */
import { type PDFContext, type PDFDict, PDFName, PDFNull, type PDFObject, type PDFRef } from 'pdf-lib';
import type { StructNode } from '../layout/types.js';
import { asciiString, textString } from './pdf-text.js';

export class StructureWriter {
  private readonly refs: PDFRef[];
  private readonly kids: PDFObject[][];
  private readonly attached: boolean[];
  private readonly pageEntries: PDFRef[][];
  private readonly annotationEntries: { key: number; ref: PDFRef }[] = [];
  /** Layout boxes of the elements drawn as one box (figures), in user space. */
  private readonly bboxes = new Map<number, [number, number, number, number]>();
  private readonly rootRef: PDFRef;
  /** Required elements (empty table cells) not yet attached, in id order, which is reading order. */
  private readonly pending: number[];

  constructor(
    private readonly context: PDFContext,
    private readonly nodes: StructNode[],
    private readonly pageRefs: PDFRef[],
  ) {
    this.rootRef = context.nextRef();
    this.refs = nodes.map(() => context.nextRef());
    this.kids = nodes.map(() => []);
    this.attached = nodes.map(() => false);
    this.pageEntries = pageRefs.map(() => []);
    this.pending = nodes.flatMap((node, i) => (node.required ? [i] : []));
  }

  /** The marked-content tag for a node's text: its structure type. */
  role(node: number): string {
    return this.nodes[node]!.role;
  }

  private attach(node: number): void {
    if (this.attached[node]) return;
    this.attached[node] = true;
    const parent = this.nodes[node]!.parent;
    if (parent !== null) {
      this.attach(parent);
      this.kids[parent]!.push(this.refs[node]!);
    }
  }

  /**
   * Attach the required elements that come before `node` in reading order: an empty cell has no content
   * to attach it, and attached later it would stand after the cells read after it.
   */
  private attachRequiredBefore(node: number): void {
    while (this.pending.length > 0 && this.pending[0]! < node) this.attach(this.pending.shift()!);
  }

  /** Record marked content `mcid` on page `pageIndex` as the next content of `node`. */
  addContent(node: number, pageIndex: number, mcid: number): void {
    this.attachRequiredBefore(node);
    this.attach(node);
    this.kids[node]!.push(this.context.obj({ Type: 'MCR', Pg: this.pageRefs[pageIndex]!, MCID: mcid }));
    this.pageEntries[pageIndex]![mcid] = this.refs[node]!;
  }

  /** The box `node` is drawn in (x1 y1 x2 y2, user space): its layout attribute /BBox. */
  setBBox(node: number, bbox: [number, number, number, number]): void {
    this.bboxes.set(node, bbox);
  }

  /** Record a link annotation as content of its Link `node`; returns the annotation's StructParent key. */
  addAnnotation(node: number, pageIndex: number, annotationRef: PDFRef): number {
    this.attachRequiredBefore(node);
    this.attach(node);
    this.kids[node]!.push(
      this.context.obj({ Type: 'OBJR', Obj: annotationRef, Pg: this.pageRefs[pageIndex]! }),
    );
    const key = this.pageRefs.length + this.annotationEntries.length;
    this.annotationEntries.push({ key, ref: this.refs[node]! });
    return key;
  }

  /** Register every attached element and the root; returns the StructTreeRoot reference. */
  finish(): PDFRef {
    const { context } = this;
    this.attachRequiredBefore(this.nodes.length);
    this.nodes.forEach((node, i) => {
      if (!this.attached[i]) return;
      const element: PDFDict = context.obj({
        Type: 'StructElem',
        S: node.role,
        P: node.parent === null ? this.rootRef : this.refs[node.parent]!,
        K: this.kids[i]!,
      });
      if (node.elementId !== undefined) element.set(PDFName.of('ID'), asciiString(node.elementId));
      if (node.alt !== undefined) element.set(PDFName.of('Alt'), textString(node.alt));
      if (node.actualText !== undefined) element.set(PDFName.of('ActualText'), textString(node.actualText));
      // Attribute objects (/A): a TH's table attributes, a Figure's layout box; an array when both.
      const bbox = this.bboxes.get(i);
      const attributes = [
        ...(node.attributes ? [context.obj(node.attributes)] : []),
        ...(bbox ? [context.obj({ O: 'Layout', BBox: bbox })] : []),
      ];
      if (attributes.length > 0)
        element.set(PDFName.of('A'), attributes.length === 1 ? attributes[0]! : context.obj(attributes));
      if (node.refersTo) {
        // /Ref points at the referred elements themselves (PDF 2.0 14.7.2), found by their /ID.
        const targets = node.refersTo.flatMap((id) => {
          const at = this.nodes.findIndex((n) => n.elementId === id);
          return at >= 0 && this.attached[at] ? [this.refs[at]!] : [];
        });
        if (targets.length > 0) element.set(PDFName.of('Ref'), context.obj(targets));
      }
      context.assign(this.refs[i]!, element);
    });
    const nums: PDFObject[] = [];
    this.pageEntries.forEach((entries, pageIndex) => {
      nums.push(context.obj(pageIndex), context.obj(Array.from(entries, (ref) => ref ?? PDFNull)));
    });
    for (const { key, ref } of this.annotationEntries) nums.push(context.obj(key), ref);
    const root = context.obj({
      Type: 'StructTreeRoot',
      K: this.attached[0] ? [this.refs[0]!] : [],
      ParentTree: context.register(context.obj({ Nums: nums })),
      ParentTreeNextKey: this.pageRefs.length + this.annotationEntries.length,
    });
    context.assign(this.rootRef, root);
    return this.rootRef;
  }
}
