/** Placeholders left from `skrivelse ny`, and the template kind (mall) must exist. */
import { placeholder } from '../../case/skeleton.js';
import { availableKindsHint, kindNamed } from '../../kinds/index.js';
import { LineIndex } from '../../util/line-index.js';
import type { Rule } from '../rule.js';

export const placeholderLeft: Rule = {
  severity: 'fel',
  description: `Platshållaren "${placeholder}" från skrivelse ny är kvar.`,
  check: (ctx) => {
    const index = new LineIndex(ctx.source);
    const out = [];
    for (let at = ctx.source.indexOf(placeholder); at !== -1; at = ctx.source.indexOf(placeholder, at + 1)) {
      out.push({
        message: `Platshållaren "${placeholder}" är kvar.`,
        hint: 'Ersätt den med riktig text.',
        position: index.position(at),
      });
    }
    return out;
  },
};

/** `mall:` names a template kind (a folder under templates/), never a path: `../x`, `.` or `a/b` are unknown. */
export const templateUnknown: Rule = {
  severity: 'fel',
  description: 'Mallen (mall:) måste finnas bland verktygets mallar.',
  check: (ctx) => {
    const kind = ctx.data?.mall;
    return kind !== undefined && !kindNamed(kind)
      ? [
          {
            message: `Det finns ingen mall "${kind}".`,
            hint: `${availableKindsHint()} Utelämna mall: för en vanlig tjänsteskrivelse.`,
            position: ctx.locate(['mall']),
            field: 'mall',
          },
        ]
      : [];
  },
};
