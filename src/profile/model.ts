/**
 * A municipality profile (kommunprofil), loaded from templates/profiler/*.yaml by src/profile/load.ts.
 * The YAML keys are Swedish (the file is edited by municipal staff); this is the typed, English view.
 */
import type { Severity } from '../diagnostics.js';
import type { LanguageSettings } from '../language/settings.js';
import type { TextPattern } from './dnr-pattern.js';

export interface Board {
  /** Capitalised definite form, e.g. "Social- och omsorgsnämnden". */
  name: string;
  /** Capitalised genitive, e.g. "Social- och omsorgsnämndens". */
  genitive: string;
  /** Anchored pattern every Dnr of this nämnd matches (linear-time, see dnr-pattern.ts). */
  dnrPattern: TextPattern;
  /** Older Dnr styles still accepted for this nämnd (`dnr_äldre:`), e.g. numbers from before a renaming. */
  olderDnrPatterns?: TextPattern[];
  /** An example Dnr, used in messages and skeletons. */
  dnrExample: string;
  /** The förvaltning that usually writes this nämnd's memos (pre-fills `skrivelse new`). */
  department?: string;
}

export interface Department {
  name: string;
  /** Title of the förvaltning's head, e.g. "Omsorgsdirektör". */
  headTitle: string;
}

export interface ConsequenceSpec {
  /** Key used in the case file under `konsekvenser:`, e.g. `jämställdhet`. */
  id: string;
  heading: string;
  required: boolean;
  /** Default link (Kommunala mål). */
  link?: { url: string; text: string };
  /** Suggested "not relevant" wording, offered in hints and skeletons. */
  notRelevantSuggestion?: string;
  /**
   * The heading is a plural subject ("Ekonomiska konsekvenser … är relevanta"), from `plural:`; absent: derived
   * from the heading (src/profile/consequence-text.ts).
   */
  plural?: boolean;
}

export interface Profile {
  /** Path the profile was read from. */
  file: string;
  /** Raw bytes of the profile file (embedded in archived PDFs). */
  source: string;
  municipality: string;
  shortName: string;
  footer: { label: string; value: string }[];
  marginsMm: { top: number; right: number; bottom: number; left: number };
  /** The kommun's list bullets by nesting level (`punkter:`), where not the typography's. */
  bullets?: readonly string[];
  boards: Board[];
  departments: Department[];
  consequences: ConsequenceSpec[];
  mbl: {
    heading: string;
    /** Handlebars sentences per MBL kind; data: `datum`, `förvaltning`, `enhet` (the unit informed, if given). */
    sentences: Record<'information' | 'förhandling' | 'samverkan' | 'ej_aktuellt', string>;
  };
  /**
   * The kommun's severity per rule id (`regler:`), validated against the rule table. It overrides the rule's
   * and the kind's severity, but not a kind's `av` (the rule does not apply to that kind).
   */
  rules?: Readonly<Record<string, Severity | 'av'>>;
  /** The klarspråk settings (`klarspråk:`) with the defaults filled in; absent: the defaults. */
  language?: LanguageSettings;
  /** What publication prints for what it masks (`maskering:`), `{grund}` for the ground; absent: defaults. */
  masking?: { section?: string; mark?: string; personnummer?: string };
}
