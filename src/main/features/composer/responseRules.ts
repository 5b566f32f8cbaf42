// Which mentions need an answer, by rules kept as data (resources/responseQueue/rules.json).
import { z } from 'zod';
import rulesFile from '../../../../resources/responseQueue/rules.json';
import { foldAccents } from '../../../shared/composer/foldText';
import type { ResponseReason } from '../../../shared/domain/responseQueue';

const rulesSchema = z.object({
  question: z.array(z.string().min(1)).min(1),
  complaint: z.array(z.string().min(1)).min(1),
  journalistAuthorKinds: z.array(z.string().min(1)),
});

export type MentionTriage = (mention: { text: string; title: string | null; authorKind: string; staff: boolean }) => ResponseReason | null;

/** Mentions the staff watch or the author's kind says were posted by the firm's own people. */
const EMPLOYEE_AUTHOR_KIND = 'employee';

/**
 * Staff first (what the firm's own people post is an HR matter before it is an answer), then journalists (they
 * publish what they hear), then complaints, then plain questions.
 */
export function loadResponseRules(): MentionTriage {
  const rules = rulesSchema.parse(rulesFile);
  const compile = (patterns: string[]): RegExp[] => patterns.map((p) => new RegExp(p, 'iu'));
  const question = compile(rules.question);
  const complaint = compile(rules.complaint);
  const journalists = new Set(rules.journalistAuthorKinds);
  return ({ text, title, authorKind, staff }) => {
    if (staff || authorKind === EMPLOYEE_AUTHOR_KIND) return 'employee';
    const folded = foldAccents(`${title ?? ''}\n${text}`);
    if (journalists.has(authorKind)) return 'journalist';
    if (complaint.some((r) => r.test(folded))) return 'complaint';
    if (question.some((r) => r.test(foldAccents(text)))) return 'question';
    return null;
  };
}
