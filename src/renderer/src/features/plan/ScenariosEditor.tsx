// Scenarios: each likely crisis with its severity guidance, playbook and prepared statements.
import { Accordion, Badge, Group, MultiSelect, Select, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SCENARIO_KINDS, type ScenarioKind, type Severity } from '../../../../shared/domain/plan';
import { BilingualField } from './fields';
import type { PlanEditorProps } from './planEditing';

const SEVERITY_COLORS: Record<Severity, string> = { low: 'gray', medium: 'yellow', high: 'orange', critical: 'red' };

export function ScenariosEditor({ plan, edit }: PlanEditorProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'fr' ? 'fr' : 'en';
  return (
    <Accordion variant="separated" data-testid="plan-scenarios">
      {plan.scenarios.map((scenario, index) => (
        <Accordion.Item key={scenario.id} value={scenario.id}>
          <Accordion.Control>
            <Group justify="space-between" pr="md">
              <Text fw={600}>{scenario.name[lang]}</Text>
              <Badge color={SEVERITY_COLORS[scenario.defaultSeverity]}>
                {t(`plan.severities.${scenario.defaultSeverity}`)}
              </Badge>
            </Group>
          </Accordion.Control>
          <Accordion.Panel>
            <Stack>
              <BilingualField
                label={t('plan.fields.name')}
                value={scenario.name}
                onChange={(name) => edit((p) => void (p.scenarios[index]!.name = name))}
              />
              <Group grow>
                <Select
                  label={t('plan.fields.kind')}
                  value={scenario.kind}
                  allowDeselect={false}
                  data={SCENARIO_KINDS.map((kind) => ({ value: kind, label: t(`plan.scenarioKinds.${kind}`) }))}
                  onChange={(kind) => kind && edit((p) => void (p.scenarios[index]!.kind = kind as ScenarioKind))}
                />
                <Select
                  label={t('plan.fields.defaultSeverity')}
                  value={scenario.defaultSeverity}
                  allowDeselect={false}
                  data={(['low', 'medium', 'high', 'critical'] as const).map((s) => ({ value: s, label: t(`plan.severities.${s}`) }))}
                  onChange={(s) => s && edit((p) => void (p.scenarios[index]!.defaultSeverity = s as Severity))}
                />
                <Select
                  label={t('plan.fields.playbook')}
                  value={scenario.playbookId}
                  allowDeselect={false}
                  data={plan.playbooks.map((pb) => ({ value: pb.id, label: pb.name[lang] }))}
                  onChange={(id) => id && edit((p) => void (p.scenarios[index]!.playbookId = id))}
                />
              </Group>
              <BilingualField
                label={t('plan.fields.description')}
                value={scenario.description}
                multiline
                onChange={(description) => edit((p) => void (p.scenarios[index]!.description = description))}
              />
              <BilingualField
                label={t('plan.fields.severityGuidance')}
                value={scenario.severityGuidance}
                multiline
                onChange={(guidance) => edit((p) => void (p.scenarios[index]!.severityGuidance = guidance))}
              />
              <MultiSelect
                label={t('plan.fields.templatesUsed')}
                value={scenario.templateIds}
                data={plan.templates.map((tpl) => ({ value: tpl.id, label: tpl.name[lang] }))}
                onChange={(ids) => edit((p) => void (p.scenarios[index]!.templateIds = ids))}
              />
            </Stack>
          </Accordion.Panel>
        </Accordion.Item>
      ))}
    </Accordion>
  );
}
