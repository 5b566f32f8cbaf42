// Which of the plan's scenarios an alert's words point to: each scenario's trigger words (plan data, FR and
// EN, matched ignoring case and accents) are looked for in what the why-card shows of the posts. A word
// carried by many mentions weighs as many; a scenario no word points to is not proposed.
import type { Alert } from '../../../shared/domain/detection';
import type { CrisisPlan, Scenario } from '../../../shared/domain/plan';
import { VocabularyMatcher } from '../detection';

export interface ScenarioProposal {
  readonly scenario: Scenario;
  /** The scenario's trigger words found, most weighty first. */
  readonly because: string[];
}

/** What the why-card says of the posts, each with how many mentions it stands for. */
function evidence(alert: Alert): Array<{ text: string; weight: number }> {
  const why = alert.explanation;
  const vocabulary = why.signals.find((s) => s.kind === 'vocabulary')?.items ?? [];
  return [
    ...why.topTerms.map((t) => ({ text: t.term, weight: t.count })),
    ...why.emerging.map((e) => ({ text: e.term, weight: e.count })),
    ...vocabulary.map((term) => ({ text: term, weight: 1 })),
    ...why.samples.map((s) => ({ text: s.text, weight: 1 })),
    ...why.emerging.flatMap((e) => e.firstMentions).map((m) => ({ text: m.text, weight: 1 })),
  ];
}

/** The plan's scenario the alert's words point to most (the plan's order breaks ties), or null when none does. */
export function scenarioFromAlert(plan: CrisisPlan, alert: Alert): ScenarioProposal | null {
  const texts = evidence(alert);
  let best: { scenario: Scenario; score: number; because: string[] } | null = null;
  for (const scenario of plan.scenarios) {
    const matcher = new VocabularyMatcher([...scenario.triggers.fr, ...scenario.triggers.en]);
    const found = new Map<string, number>();
    let score = 0;
    for (const { text, weight } of texts) {
      const hits = matcher.match(text);
      if (hits.length === 0) continue;
      score += weight;
      for (const hit of hits) found.set(hit, (found.get(hit) ?? 0) + weight);
    }
    if (score > 0 && (!best || score > best.score)) {
      best = { scenario, score, because: [...found.entries()].sort((a, b) => b[1] - a[1]).map(([word]) => word) };
    }
  }
  return best && { scenario: best.scenario, because: best.because.slice(0, 5) };
}
