/** Small helpers for reading raw pdf-lib objects in preflight rules. */
import {
  PDFArray,
  PDFDict,
  type PDFDocument,
  PDFName,
  PDFNumber,
  type PDFObject,
  PDFRef,
  PDFStream,
} from 'pdf-lib';

export const name = (n: string): PDFName => PDFName.of(n);

/** Every dictionary in the file: indirect dicts, stream dicts and dicts nested inside them. */
export function allDicts(pdf: PDFDocument): PDFDict[] {
  const result: PDFDict[] = [];
  const visit = (obj: PDFObject | undefined): void => {
    if (obj instanceof PDFStream) visit(obj.dict);
    else if (obj instanceof PDFDict) {
      result.push(obj);
      for (const [, value] of obj.entries()) if (!(value instanceof PDFRef)) visit(value);
    } else if (obj instanceof PDFArray) {
      for (let i = 0; i < obj.size(); i++) {
        const value = obj.get(i);
        if (!(value instanceof PDFRef)) visit(value);
      }
    }
  };
  for (const [, obj] of pdf.context.enumerateIndirectObjects()) visit(obj);
  return result;
}

export function nameOf(dict: PDFDict | undefined, key: string): string | undefined {
  // A value of another type (LibreOffice writes /Tabs (S), a string) is no name: undefined, not a throw.
  const value = dict?.lookup(name(key));
  return value instanceof PDFName ? value.decodeText() : undefined;
}

/** Looks up `key` in a number tree (Nums or Kids), e.g. the structure ParentTree. */
export function numberTreeGet(tree: PDFDict | undefined, key: number, depth = 0): PDFObject | undefined {
  if (!tree || depth > 32) return undefined;
  const nums = tree.lookupMaybe(name('Nums'), PDFArray);
  if (nums) {
    for (let i = 0; i + 1 < nums.size(); i += 2) {
      const k = nums.lookupMaybe(i, PDFNumber)?.asNumber();
      if (k === key) return nums.lookup(i + 1);
    }
  }
  const kids = tree.lookupMaybe(name('Kids'), PDFArray);
  for (let i = 0; i < (kids?.size() ?? 0); i++) {
    const found = numberTreeGet(kids!.lookupMaybe(i, PDFDict), key, depth + 1);
    if (found) return found;
  }
  return undefined;
}
