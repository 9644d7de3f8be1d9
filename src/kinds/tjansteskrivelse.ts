/** The tjänsteskrivelse: the decision memo, the default kind. */
import { memoKeys } from '../case/schema.js';
import { caseSkeleton } from '../case/skeleton.js';
import type { KindDefinition } from './kind.js';

export const tjansteskrivelse: KindDefinition = {
  name: 'tjänsteskrivelse',
  folder: 'tjansteskrivelse',
  description: 'beslutsunderlag till en nämnd, med förslag till beslut',
  keys: memoKeys,
  rules: {},
  archiveType: 'Tjänsteskrivelse',
  skeleton: (profile, options) =>
    caseSkeleton(profile, { boards: options.boards, kind: 'tjänsteskrivelse', date: options.date }),
};
