// Templates: FR/EN statements with {{variables}}; the declared variables follow the placeholders used.
import { Badge, Group, Switch, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  templatePlaceholders,
  type LocalizedText,
  type Template,
  type TemplateKind,
} from '../../../../shared/domain/plan';
import { BilingualField } from './fields';
import { NamedEntriesAccordion, RequiredSelect } from './listEditing';
import type { PlanEditorProps } from './planEditing';

const KINDS: TemplateKind[] = ['holding', 'update', 'apology', 'reply', 'internal'];

function withBody(template: Template, body: LocalizedText): Template {
  const names = [...new Set([...templatePlaceholders(body.fr), ...templatePlaceholders(body.en)])];
  const variables = names.map(
    (name) => template.variables.find((v) => v.name === name) ?? { name, label: { fr: name, en: name }, example: '' },
  );
  return { ...template, body, variables };
}

export function TemplatesEditor({ plan, edit }: PlanEditorProps) {
  const { t } = useTranslation();
  return (
    <NamedEntriesAccordion
      entries={plan.templates}
      testId="plan-templates"
      summary={(template) => (
        <Group gap="xs">
          <Badge variant="light">{t(`plan.templateKinds.${template.kind}`)}</Badge>
          {template.preApproved && <Badge color="green">{t('plan.fields.preApproved')}</Badge>}
        </Group>
      )}
      onNameChange={(index, name) => edit((p) => void (p.templates[index]!.name = name))}
    >
      {(template, index) => (
        <>
          <Group>
            <RequiredSelect
              label={t('plan.fields.kind')}
              value={template.kind}
              data={KINDS.map((kind) => ({ value: kind, label: t(`plan.templateKinds.${kind}`) }))}
              onChange={(kind) => edit((p) => void (p.templates[index]!.kind = kind))}
            />
            <Switch
              mt="lg"
              label={t('plan.fields.preApproved')}
              checked={template.preApproved}
              onChange={(e) => {
                const checked = e.currentTarget.checked;
                edit((p) => void (p.templates[index]!.preApproved = checked));
              }}
            />
          </Group>
          <BilingualField
            label={t('plan.fields.body')}
            value={template.body}
            multiline
            onChange={(body) => edit((p) => void (p.templates[index] = withBody(p.templates[index]!, body)))}
          />
          <Group gap="xs">
            <Text size="sm" fw={500}>
              {t('plan.fields.variables')}
            </Text>
            {template.variables.map((v) => (
              <Badge key={v.name} variant="outline" tt="none">
                {`{{${v.name}}}`}
              </Badge>
            ))}
          </Group>
        </>
      )}
    </NamedEntriesAccordion>
  );
}
