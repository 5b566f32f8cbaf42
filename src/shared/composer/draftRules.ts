// Shape of the draft-check rules shipped as data (resources/draftCheck/<lang>.json), validated on load.
import { z } from 'zod';

export const DRAFT_RULE_IDS = [
  'aggressive',
  'defensive',
  'blaming',
  'speculation',
  'deletionOrBlocking',
  'victimName',
  'missingEmpathy',
  'missingNextUpdate',
  'missingDateTime',
  'missingActions',
] as const;
export const draftRuleIdSchema = z.enum(DRAFT_RULE_IDS);
export type DraftRuleId = z.infer<typeof draftRuleIdSchema>;

export const draftRuleSchema = z.object({
  id: draftRuleIdSchema,
  /** `avoid`: any match is flagged; `require`: flagged when nothing matches. */
  mode: z.enum(['avoid', 'require']),
  /** Regular-expression sources, matched against the text with accents removed. */
  patterns: z.array(z.string().min(1).max(500)).min(1),
  /** Names are spotted by capitals, so these rules keep the case of the text. */
  caseSensitive: z.boolean().default(false),
});
export type DraftRule = z.infer<typeof draftRuleSchema>;

export const draftRuleSetSchema = z.object({
  language: z.enum(['fr', 'en']),
  rules: z.array(draftRuleSchema),
});
export type DraftRuleSet = z.infer<typeof draftRuleSetSchema>;
