/**
 * Publication: a memo as it may go on the kommun's web (lagen 2018:1937, offentlighets- och
 * sekretesslagen, GDPR): the same layout and content as the memo, from the same pipeline, with what is
 * secret or personal masked (mask.ts) and logged (log.ts). The PDF is tagged PDF/UA like the build's and
 * embeds no case file; the HTML is the third backend's page.
 */
import { join } from 'node:path';
import type { SideFile } from '../build/index.js';
import { outputBaseName } from '../build/output-name.js';
import type { Case } from '../case/model.js';
import type { Doc } from '../doc/model.js';
import type { Profile } from '../profile/model.js';
import { renderDoc } from '../render/index.js';
import { maskLog, maskLogText } from './log.js';
import { maskCase, maskDoc, maskText, wordingOf } from './mask.js';

export { maskLog, maskLogText } from './log.js';
export {
  type MaskEntry,
  type MaskWording,
  maskCase,
  maskDoc,
  maskHash,
  maskText,
  maskWording,
  wordingOf,
} from './mask.js';

/**
 * The publication Doc of a case, its file names' base (from the masked title: a name is published too)
 * and its masking log (JSON and text) for `logDir`.
 */
export function publication(
  c: Case,
  file: string,
  formats: readonly string[],
  profile: Profile,
  logDir: string,
): { doc: Doc; baseName: string; sideFiles: SideFile[] } {
  const wording = wordingOf(profile);
  const masked = maskCase(c, wording);
  const doc = maskDoc(renderDoc(masked.case, profile), wording);
  const base = outputBaseName({ dnr: c.dnr, title: maskText(c.title, wording) });
  const names = formats.map((f) => `${base}.${f}`);
  const log = maskLog(file, c, names, masked.entries);
  return {
    doc,
    baseName: base,
    sideFiles: [
      {
        path: join(logDir, `${base}.maskering.json`),
        data: Buffer.from(`${JSON.stringify(log, null, 2)}\n`),
      },
      { path: join(logDir, `${base}.maskering.txt`), data: Buffer.from(maskLogText(log)) },
    ],
  };
}
