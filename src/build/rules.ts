/** Rule ids `build` reports beyond those of `check`, for docs and tests. */
import type { Severity } from '../diagnostics.js';

export const buildRules: Record<string, { severity: Severity; description: string }> = {
  'output-conflict': {
    severity: 'fel',
    description:
      'En utdatafil med samma namn kommer från ett annat ärende, eller går inte att knyta till något ärende; den skrivs inte över.',
  },
  'build-failed': {
    severity: 'fel',
    description: 'Ärendet kunde inte skrivas (ett fel i verktyget); övriga ärenden skrivs ändå.',
  },
};
