/** The section's page: size and margins from doc.page, checked so a bad setup is a clear error. */
import type { ISectionPropertiesOptions } from 'docx';
import type { PageSetup } from '../../doc/model.js';
import { UsageError } from '../../errors.js';
import { mmToTwip, ptToTwip } from './units.js';

function checkPageSetup(page: PageSetup): void {
  const { widthMm, heightMm, marginsMm: m } = page;
  const lengths = [widthMm, heightMm, m.top, m.right, m.bottom, m.left];
  const valid =
    lengths.every((l) => Number.isFinite(l) && l >= 0) &&
    m.left + m.right < widthMm &&
    m.top + m.bottom < heightMm;
  if (!valid) {
    throw new UsageError(
      `Sidinställningen går inte att använda: ${widthMm} × ${heightMm} mm med marginalerna ` +
        `${m.top}/${m.right}/${m.bottom}/${m.left} mm (topp/höger/botten/vänster).`,
      'Marginalerna ska vara tal från 0 och lämna plats för text på sidan; se sida.marginaler_mm i kommunprofilen.',
    );
  }
}

/** Text width between the side margins. */
export function textWidthTwip(page: PageSetup): number {
  return mmToTwip(page.widthMm - page.marginsMm.left - page.marginsMm.right);
}

/**
 * The header starts this far above the top margin. Page 1's header is one point high (furniture.ts), so
 * it ends above the margin and the body, the head, starts at the margin (a header reaching the margin
 * pushes the body down); later pages' headers begin with as much space, so their text is at the margin.
 */
export const headerLiftPt = 5;

export function pageProperties(page: PageSetup): NonNullable<ISectionPropertiesOptions['page']> {
  checkPageSetup(page);
  const { widthMm, heightMm, marginsMm } = page;
  return {
    size: { width: mmToTwip(widthMm), height: mmToTwip(heightMm) },
    margin: {
      top: mmToTwip(marginsMm.top),
      right: mmToTwip(marginsMm.right),
      bottom: mmToTwip(marginsMm.bottom),
      left: mmToTwip(marginsMm.left),
      // The head starts at the top margin and the foot ends at the bottom one, as in the PDF; the body
      // begins below the head (Word and LibreOffice move it down to make room).
      header: Math.max(0, mmToTwip(marginsMm.top) - ptToTwip(headerLiftPt)),
      footer: mmToTwip(marginsMm.bottom),
    },
  };
}
