/** The shape of a validation rule: a small function from the read case to findings. */

import type { CaseDraft } from '../case/build.js';
import type { Locate } from '../case/issues.js';
import type { Section } from '../case/model.js';
import type { CaseData } from '../case/schema.js';
import type { Position, Severity } from '../diagnostics.js';
import type { KindDefinition } from '../kinds/kind.js';
import type { Profile } from '../profile/model.js';

export interface RuleContext {
  file: string;
  profile: Profile;
  /** The normalised case text (BOM removed, LF, NFC). */
  source: string;
  /** Body sections; empty when the body could not be reached (then `bodyRead` is false). */
  sections: Section[];
  bodyRead: boolean;
  /**
   * The schema-valid front-matter keys; set when the front matter could be parsed. A key with a schema
   * problem is absent here (it already has its diagnostic), so a rule skips what it needs and is absent.
   */
  data?: Partial<CaseData>;
  /** The case built from `data` (canonical names); a field is undefined when its keys are absent. */
  draft?: CaseDraft;
  locate: Locate;
  /** The document kind (its rule settings apply); the default kind when absent. */
  kind?: KindDefinition;
}

export interface Finding {
  message: string;
  hint?: string;
  position?: Position;
  field?: string;
}

export interface Rule {
  severity: Severity;
  /** One Swedish line on what the rule checks (for docs and `--help`). */
  description: string;
  /**
   * Set on rules that keep the memo printable and safe (a profile's `regler:` cannot change them): the
   * Swedish reason, shown when a profile tries.
   */
  locked?: string;
  check(ctx: RuleContext): Finding[];
}
