// Loads the FR and EN draft-check rules shipped in resources/draftCheck and validates them.
import enRules from '../../../../resources/draftCheck/en.json';
import frRules from '../../../../resources/draftCheck/fr.json';
import { draftRuleSetSchema, type DraftRuleSet } from '../../../shared/composer/draftRules';

export interface DraftRuleSets {
  readonly fr: DraftRuleSet;
  readonly en: DraftRuleSet;
}

/** Throws at startup on a malformed rule file: a silently empty rule set would pass every draft. */
export function loadDraftRuleSets(): DraftRuleSets {
  const fr = draftRuleSetSchema.parse(frRules);
  const en = draftRuleSetSchema.parse(enRules);
  for (const set of [fr, en]) for (const rule of set.rules) for (const p of rule.patterns) new RegExp(p, 'giu');
  return { fr, en };
}
