// A proposed plan change in one line of the reader's language, for the RETEX tab and the incident report.
import type { PlanChange } from '../domain/retex';

type Translate = (key: string, values?: Record<string, string | number>) => string;

export function describePlanChange(change: PlanChange, t: Translate, language: 'fr' | 'en'): string {
  switch (change.kind) {
    case 'template':
      return t('retex.change.template', { id: change.templateId });
    case 'threshold':
      return t('retex.change.threshold', {
        field: t(`retex.change.fields.${change.field}`),
        level: t(`plan.levels.${change.level}`),
        value: change.value,
      });
    case 'role':
      return t('retex.change.role', { role: t(`incidents.roles.${change.roleId}`), text: change.instruction[language] });
    case 'checklistItem':
      return t('retex.change.checklistItem', { id: change.playbookId, text: change.text[language], deadline: change.deadline.replace(/^PT?/, '').toLowerCase() });
  }
}
