// Starts a statement: kind, title and, if wanted, a plan template whose variables come from the incident.
import { Badge, Button, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Channel } from '../../../../shared/composer/channels';
import { fillTwins, templateValues } from '../../../../shared/composer/templateValues';
import type { IncidentSummary } from '../../../../shared/domain/incident';
import { templatePlaceholders, type Template } from '../../../../shared/domain/plan';
import { STATEMENT_KINDS, type StatementKind } from '../../../../shared/domain/statement';
import type { WorkspaceId } from '../../../../shared/domain/workspace';
import { useStatementAction } from '../../api/hooks/useComposer';
import { usePlan } from '../../api/hooks/usePlan';
import { useWorkspace } from '../../api/hooks/useWorkspace';
import { useOperator } from '../incidents/useOperator';

const TEMPLATE_KIND: Partial<Record<StatementKind, Template['kind']>> = {
  holding: 'holding',
  update: 'update',
  apology: 'apology',
  reply: 'reply',
  internal_memo: 'internal',
};

const DEFAULT_CHANNELS: Record<'public' | 'internal', Channel[]> = {
  public: ['mastodon', 'bluesky', 'website'],
  internal: ['internal', 'email'],
};

export function NewStatementModal(props: { workspaceId: WorkspaceId; incident: IncidentSummary; onClose: () => void; onCreated: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'fr' ? 'fr' : 'en';
  const plan = usePlan(props.workspaceId);
  const workspace = useWorkspace(props.workspaceId);
  const [, , actor] = useOperator(t('composer.someone'));
  const create = useStatementAction('composer:create');
  const [kind, setKind] = useState<StatementKind>('holding');
  const [title, setTitle] = useState('');
  const [templateId, setTemplateId] = useState<string | null>(null);
  const [overrides, setOverrides] = useState<{ fr: Record<string, string>; en: Record<string, string> }>({ fr: {}, en: {} });

  const scenario = plan.data?.plan.scenarios.find((s) => s.id === props.incident.scenarioId);
  const templates = useMemo(() => {
    const all = plan.data?.plan.templates ?? [];
    const wanted = TEMPLATE_KIND[kind];
    const fitting = wanted ? all.filter((tpl) => tpl.kind === wanted) : all;
    // The incident's own scenario templates come first: they were written for this kind of crisis.
    const own = new Set(scenario?.templateIds ?? []);
    return [...fitting].sort((a, b) => Number(own.has(b.id)) - Number(own.has(a.id)));
  }, [plan.data, kind, scenario]);
  const template = templates.find((tpl) => tpl.id === templateId) ?? null;

  const context = {
    organisation: workspace.data?.settings.organisation ?? '',
    incidentTitle: props.incident.title,
    incidentSummary: props.incident.summary,
    openedAt: props.incident.openedAt,
    statusMeetingHours: workspace.data?.settings.statusMeetingHours ?? 2,
    now: new Date(),
  };
  const computed = { fr: templateValues(context, 'fr'), en: templateValues(context, 'en') };
  const variables = template ? [...new Set([...templatePlaceholders(template.body.fr), ...templatePlaceholders(template.body.en)])] : [];

  const submit = (): void => {
    const texts = template ? fillTwins(template, { fr: { ...computed.fr, ...overrides.fr }, en: { ...computed.en, ...overrides.en } }) : { textFr: '', textEn: '' };
    create.mutate(
      {
        workspaceId: props.workspaceId,
        statement: {
          incidentId: props.incident.id,
          kind,
          title: title.trim() || (template ? template.name[lang] : t(`composer.kinds.${kind}`)),
          ...texts,
          channels: DEFAULT_CHANNELS[kind === 'internal_memo' ? 'internal' : 'public'],
          templateId: template?.id ?? null,
          author: actor.author,
        },
      },
      { onSuccess: (detail) => props.onCreated(detail.statement.id) },
    );
  };

  return (
    <Modal opened onClose={props.onClose} title={t('composer.newStatement')} size="lg">
      <Stack>
        <Select
          label={t('composer.fields.kind')}
          data={STATEMENT_KINDS.map((k) => ({ value: k, label: t(`composer.kinds.${k}`) }))}
          value={kind}
          onChange={(v) => {
            setKind((v as StatementKind | null) ?? 'holding');
            setTemplateId(null);
          }}
          allowDeselect={false}
          data-testid="composer-new-kind"
        />
        <Select
          label={t('composer.fields.template')}
          data={[
            { value: '', label: t('composer.fields.noTemplate') },
            ...templates.map((tpl) => ({ value: tpl.id, label: tpl.name[lang] })),
          ]}
          value={templateId ?? ''}
          onChange={(v) => setTemplateId(v ? v : null)}
          allowDeselect={false}
          data-testid="composer-new-template"
        />
        {template?.preApproved && <Badge variant="light">{t('composer.fields.preApproved')}</Badge>}
        <TextInput label={t('composer.fields.title')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} placeholder={template?.name[lang]} />
        {variables.length > 0 && (
          <>
            <Text fw={600}>{t('composer.fields.variables')}</Text>
            <SimpleGrid cols={2} verticalSpacing={6}>
              {variables.flatMap((name) => {
                const spec = template?.variables.find((v) => v.name === name);
                // Each twin gets its own value: a product name or a time is written differently in FR and EN.
                return (['fr', 'en'] as const).map((l) => (
                  <TextInput
                    key={`${name}-${l}`}
                    label={`${spec ? spec.label[lang] : name} (${l.toUpperCase()})`}
                    placeholder={spec?.example}
                    value={overrides[l][name] ?? computed[l][name] ?? ''}
                    onChange={(e) => setOverrides({ ...overrides, [l]: { ...overrides[l], [name]: e.currentTarget.value } })}
                    data-testid={`composer-var-${name}-${l}`}
                  />
                ));
              })}
            </SimpleGrid>
          </>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {t('composer.cancel')}
          </Button>
          <Button onClick={submit} loading={create.isPending} data-testid="composer-new-create">
            {t('composer.create')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
