// Scenarios: each likely crisis with its severity guidance, playbook, prepared statements and the words that
// point to it in an alert.
import { Badge, Grid, Group, MultiSelect, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SCENARIO_KINDS, type Severity } from '../../../../shared/domain/plan';
import { BilingualField } from './fields';
import { NamedEntriesAccordion, RequiredSelect, usePlanLanguage } from './listEditing';
import type { PlanEditorProps } from './planEditing';

const wordsIn = (text: string): string[] => text.split('\n').map((w) => w.trim()).filter(Boolean);

/** One word or phrase per line; the text keeps the line being typed, the plan gets the words. */
function WordsField({ label, words, onChange, testId }: { label: string; words: string[]; onChange: (words: string[]) => void; testId: string }) {
  const [text, setText] = useState(words.join('\n'));
  const shown = wordsIn(text).join('\n') === words.join('\n') ? text : words.join('\n');
  return (
    <Textarea
      label={label}
      autosize
      minRows={3}
      maxRows={10}
      value={shown}
      onChange={(e) => {
        setText(e.currentTarget.value);
        onChange(wordsIn(e.currentTarget.value));
      }}
      data-testid={testId}
    />
  );
}

const SEVERITY_COLORS: Record<Severity, string> = { low: 'gray', medium: 'yellow', high: 'orange', critical: 'red' };

export function ScenariosEditor({ plan, edit }: PlanEditorProps) {
  const { t } = useTranslation();
  const lang = usePlanLanguage();
  return (
    <NamedEntriesAccordion
      entries={plan.scenarios}
      testId="plan-scenarios"
      summary={(scenario) => (
        <Badge color={SEVERITY_COLORS[scenario.defaultSeverity]}>{t(`plan.severities.${scenario.defaultSeverity}`)}</Badge>
      )}
      onNameChange={(index, name) => edit((p) => void (p.scenarios[index]!.name = name))}
    >
      {(scenario, index) => (
        <>
          <Group grow>
            <RequiredSelect
              label={t('plan.fields.kind')}
              value={scenario.kind}
              data={SCENARIO_KINDS.map((kind) => ({ value: kind, label: t(`plan.scenarioKinds.${kind}`) }))}
              onChange={(kind) => edit((p) => void (p.scenarios[index]!.kind = kind))}
            />
            <RequiredSelect
              label={t('plan.fields.defaultSeverity')}
              value={scenario.defaultSeverity}
              data={(['low', 'medium', 'high', 'critical'] as const).map((s) => ({ value: s, label: t(`plan.severities.${s}`) }))}
              onChange={(s) => edit((p) => void (p.scenarios[index]!.defaultSeverity = s))}
            />
            <RequiredSelect
              label={t('plan.fields.playbook')}
              value={scenario.playbookId}
              data={plan.playbooks.map((pb) => ({ value: pb.id, label: pb.name[lang] }))}
              onChange={(id) => edit((p) => void (p.scenarios[index]!.playbookId = id))}
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
          <Grid>
            {(['fr', 'en'] as const).map((language) => (
              <Grid.Col span={6} key={language}>
                <WordsField
                  label={`${t('plan.fields.triggers')} — ${t(`plan.${language}`)}`}
                  words={scenario.triggers[language]}
                  onChange={(words) => edit((p) => void (p.scenarios[index]!.triggers[language] = words))}
                  testId={`scenario-triggers-${language}`}
                />
              </Grid.Col>
            ))}
          </Grid>
        </>
      )}
    </NamedEntriesAccordion>
  );
}
