/**
 * A document kind: everything that differs between a tjänsteskrivelse and a rapport, in one definition.
 * Its template (wording, order, head label) is the folder templates/<folder>/; the definition says which
 * front-matter keys it has, which rules apply and how strictly, what `new` writes and how the archive
 * records it. src/kinds/index.ts lists the kinds, one line each.
 */
import type { z } from 'zod';
import type { FieldKey, KeyUse } from '../case/schema.js';
import type { Severity } from '../diagnostics.js';
import type { Board, Profile } from '../profile/model.js';

export interface SkeletonOptions {
  /** The nämnder the new case is addressed to (the first decides förvaltning and Dnr example). */
  boards: Board[];
  /** ISO date, or undefined for the placeholder date. */
  date?: string;
}

export interface KindDefinition {
  /** The value of `mall:`, e.g. "rapport". */
  name: string;
  /** Its folder under templates/. */
  folder: string;
  /** One Swedish line for `skrivelse new --help`. */
  description: string;
  /** Its front-matter keys, each required or optional; any other key is unknown. */
  keys: Readonly<Partial<Record<FieldKey, KeyUse>>>;
  /** A key's own schema in this kind, where it differs from the shared one (src/case/schema.ts). */
  forms?: Readonly<Partial<Record<FieldKey, z.ZodType>>>;
  /** What an optional key stands for when not written, where it is not its empty value. */
  defaults?: Readonly<Partial<Record<FieldKey, unknown>>>;
  /** Rules that apply differently: another severity, or `av` (not run). Rule ids as in src/validate. */
  rules: Readonly<Record<string, Severity | 'av'>>;
  /** The kind's list bullets by nesting level, where not the typography's (a profile's `punkter:` wins). */
  bullets?: readonly string[];
  /** How the archive records the kind: dc:type and the METS/PREMIS object type. */
  archiveType: string;
  /** The case file `skrivelse new` writes. */
  skeleton(profile: Profile, options: SkeletonOptions): string;
}
