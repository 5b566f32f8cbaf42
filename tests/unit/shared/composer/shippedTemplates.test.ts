import { describe, expect, it } from 'vitest';
import { createDraftChecker } from '../../../../src/shared/composer/draftCheck';
import { templateValues } from '../../../../src/shared/composer/templateValues';
import { fillTemplate, type Template } from '../../../../src/shared/domain/plan';
import type { StatementKind } from '../../../../src/shared/domain/statement';
import { loadDraftRuleSets } from '../../../../src/main/features/composer/draftRuleSets';
import { loadDefaultPlan } from '../../../../src/main/features/plan/defaultPlan';

const sets = loadDraftRuleSets();
const checkers = { fr: createDraftChecker(sets.fr), en: createDraftChecker(sets.en) };
const plan = loadDefaultPlan();

/** The statement a template becomes in the composer (an internal template starts an internal memo). */
const STATEMENT_KIND: Record<Template['kind'], StatementKind> = {
  holding: 'holding',
  update: 'update',
  apology: 'apology',
  reply: 'reply',
  internal: 'internal_memo',
};

const context = {
  organisation: 'Banque Léman',
  incidentTitle: 'Fuite de données clients',
  incidentSummary: '',
  openedAt: '2026-03-14T08:10:00Z',
  statusMeetingHours: 2,
  now: new Date('2026-03-14T09:05:00Z'),
  timeZone: 'Europe/Zurich',
};

/** The text a person gets from the composer: computed values first, the plan's examples for the rest. */
function filled(template: Template, language: 'fr' | 'en'): string {
  const examples = Object.fromEntries(template.variables.map((v) => [v.name, v.example]));
  return fillTemplate(template.body[language], { ...examples, ...templateValues(context, language) });
}

describe('shipped crisis-plan templates', () => {
  it('ships the holding statements of every scenario', () => {
    expect(plan.templates.filter((t) => t.kind === 'holding').length).toBeGreaterThanOrEqual(8);
  });

  for (const template of plan.templates) {
    for (const language of ['fr', 'en'] as const) {
      it(`${template.id} (${language}) passes the draft check it will be held to`, () => {
        const text = filled(template, language);
        expect(text, 'every placeholder is filled').not.toMatch(/\{\{/);
        const flags = checkers[language].check(text, [], STATEMENT_KIND[template.kind]).map((f) => f.rule + (f.excerpt ? `: ${f.excerpt}` : ''));
        expect(flags, text).toEqual([]);
      });
    }
  }
});
