// Adds a RETEX action: what to do, who owns it (a role of the roster and a person), by when, and optionally the
// plan change it proposes (a template's wording, a threshold, a role's instruction, a checklist item).
import { Alert, Button, Group, NumberInput, Select, Stack, TextInput, Textarea, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Actor, IncidentDetail } from '../../../../shared/domain/incident';
import { PHASES, ROLE_IDS, type CrisisPlan, type RoleId } from '../../../../shared/domain/plan';
import { PLAN_CHANGE_KINDS, THRESHOLD_FIELDS, THRESHOLD_LEVELS, type PlanChange } from '../../../../shared/domain/retex';
import { usePlan } from '../../api/hooks/usePlan';
import { useRetexAction } from '../../api/hooks/useRetex';
import { useWorkspaceId } from '../../app/WorkspaceContext';
import { errorMessage } from '../../i18n/errorMessage';
import { daysFromToday } from './dueDate';

type Kind = (typeof PLAN_CHANGE_KINDS)[number] | 'none';

interface ChangeDraft {
  templateId: string | null;
  field: (typeof THRESHOLD_FIELDS)[number];
  level: (typeof THRESHOLD_LEVELS)[number];
  value: number;
  roleId: RoleId;
  playbookId: string | null;
  phase: (typeof PHASES)[number];
  deadline: string;
  fr: string;
  en: string;
}

function planChangeOf(kind: Kind, d: ChangeDraft): PlanChange | null {
  const text = { fr: d.fr, en: d.en };
  switch (kind) {
    case 'none':
      return null;
    case 'template':
      return d.templateId ? { kind, templateId: d.templateId, body: text } : null;
    case 'threshold':
      return { kind, field: d.field, level: d.level, value: d.value };
    case 'role':
      return { kind, roleId: d.roleId, instruction: text };
    case 'checklistItem':
      return d.playbookId ? { kind, playbookId: d.playbookId, phase: d.phase, ownerRole: d.roleId, deadline: d.deadline, text } : null;
  }
}

export function RetexActionForm({ detail, actor }: { detail: IncidentDetail; actor: Actor }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'fr' ? 'fr' : 'en';
  const workspaceId = useWorkspaceId();
  const plan = usePlan(workspaceId).data?.plan;
  const add = useRetexAction('lessons:addAction');
  const holderOf = (roleId: string) => detail.roster.find((r) => r.roleId === roleId)?.holder?.name ?? '';
  const firstRole = detail.roster[0]?.roleId ?? ROLE_IDS[0];
  const [text, setText] = useState('');
  const [ownerRole, setOwnerRole] = useState<RoleId>(firstRole);
  const [person, setPerson] = useState(holderOf(firstRole));
  const [dueDate, setDueDate] = useState<string | null>(daysFromToday(30));
  const [kind, setKind] = useState<Kind>('none');
  const [chosen, setDraft] = useState<ChangeDraft>(() => initialDraft(detail));
  // The plan may arrive after the form: the incident's own playbook is the default once it has.
  const draft = { ...chosen, playbookId: chosen.playbookId ?? defaultPlaybook(plan, detail) };
  const change = (patch: Partial<ChangeDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const planChange = planChangeOf(kind, draft);
  const ready = text.trim() && person.trim() && dueDate && (kind === 'none' || planChange !== null);

  const submit = () => {
    if (!ready || !dueDate) return;
    add.mutate(
      { workspaceId, incidentId: detail.id, action: { text, owner: { roleId: ownerRole, person }, dueDate, planChange }, actor },
      {
        onSuccess: () => {
          setText('');
          setKind('none');
        },
      },
    );
  };

  // The incident's own roster: the cell's custom roles are owners too.
  const roleOptions = detail.roster.length > 0 ? detail.roster.map((role) => ({ value: role.roleId, label: role.name[language] })) : ROLE_IDS.map((id) => ({ value: id, label: t(`incidents.roles.${id}`) }));
  const bilingual = (
    <Group grow align="flex-start">
      <Textarea label={t('retex.change.textFr')} autosize minRows={2} value={draft.fr} onChange={(e) => change({ fr: e.currentTarget.value })} data-testid="retex-change-fr" />
      <Textarea label={t('retex.change.textEn')} autosize minRows={2} value={draft.en} onChange={(e) => change({ en: e.currentTarget.value })} data-testid="retex-change-en" />
    </Group>
  );

  return (
    <Stack gap="xs" data-testid="retex-action-form">
      <Title order={5}>{t('retex.actions.add')}</Title>
      <TextInput label={t('retex.actions.text')} value={text} onChange={(e) => setText(e.currentTarget.value)} data-testid="retex-action-text" />
      <Group grow align="flex-start">
        <Select
          label={t('retex.actions.ownerRole')}
          data={roleOptions}
          value={ownerRole}
          allowDeselect={false}
          onChange={(v) => {
            if (!v) return;
            setOwnerRole(v as RoleId);
            setPerson(holderOf(v));
          }}
          data-testid="retex-action-role"
        />
        <TextInput label={t('retex.actions.ownerPerson')} value={person} onChange={(e) => setPerson(e.currentTarget.value)} data-testid="retex-action-person" />
        <DateInput label={t('retex.actions.due')} value={dueDate} onChange={setDueDate} valueFormat="D MMMM YYYY" data-testid="retex-action-due" />
      </Group>
      <Select
        label={t('retex.change.kind')}
        data={[{ value: 'none', label: t('retex.change.none') }, ...PLAN_CHANGE_KINDS.map((k) => ({ value: k, label: t(`retex.change.kinds.${k}`) }))]}
        value={kind}
        allowDeselect={false}
        onChange={(v) => v && setKind(v as Kind)}
        data-testid="retex-change-kind"
      />
      {kind === 'template' && (
        <>
          <Select
            label={t('retex.change.templateId')}
            data={(plan?.templates ?? []).map((tpl) => ({ value: tpl.id, label: `${tpl.name[language]} (${tpl.id})` }))}
            value={draft.templateId}
            onChange={(v) => {
              const template = plan?.templates.find((tpl) => tpl.id === v);
              change({ templateId: v, ...(template ? { fr: template.body.fr, en: template.body.en } : {}) });
            }}
            searchable
            data-testid="retex-change-template"
          />
          {bilingual}
        </>
      )}
      {kind === 'threshold' && (
        <Group grow>
          <Select label={t('retex.change.field')} data={THRESHOLD_FIELDS.map((f) => ({ value: f, label: t(`retex.change.fields.${f}`) }))} value={draft.field} allowDeselect={false} onChange={(v) => v && change({ field: v as ChangeDraft['field'] })} />
          <Select label={t('retex.change.level')} data={THRESHOLD_LEVELS.map((l) => ({ value: l, label: t(`plan.levels.${l}`) }))} value={draft.level} allowDeselect={false} onChange={(v) => v && change({ level: v as ChangeDraft['level'] })} />
          <NumberInput label={t('retex.change.value')} min={0} max={1000} decimalScale={2} value={draft.value} onChange={(v) => change({ value: Number(v) || 0 })} data-testid="retex-change-value" />
        </Group>
      )}
      {(kind === 'role' || kind === 'checklistItem') && (
        <Group grow>
          <Select label={t('retex.change.roleId')} data={roleOptions} value={draft.roleId} allowDeselect={false} onChange={(v) => v && change({ roleId: v as RoleId })} />
          {kind === 'checklistItem' && (
            <>
              <Select
                label={t('retex.change.playbookId')}
                data={(plan?.playbooks ?? []).map((p) => ({ value: p.id, label: p.id }))}
                value={draft.playbookId}
                onChange={(v) => change({ playbookId: v })}
                data-testid="retex-change-playbook"
              />
              <Select label={t('retex.change.phase')} data={PHASES.map((p) => ({ value: p, label: t(`incidents.phase.${p}`) }))} value={draft.phase} allowDeselect={false} onChange={(v) => v && change({ phase: v as ChangeDraft['phase'] })} />
              <TextInput label={t('retex.change.deadline')} value={draft.deadline} onChange={(e) => change({ deadline: e.currentTarget.value })} data-testid="retex-change-deadline" />
            </>
          )}
        </Group>
      )}
      {(kind === 'role' || kind === 'checklistItem') && bilingual}
      <Group>
        <Button onClick={submit} disabled={!ready} loading={add.isPending} data-testid="retex-action-add">
          {t('retex.actions.add')}
        </Button>
      </Group>
      {add.error && <Alert color="red">{errorMessage(add.error, t)}</Alert>}
    </Stack>
  );
}

function defaultPlaybook(plan: CrisisPlan | undefined, detail: IncidentDetail): string | null {
  const scenario = plan?.scenarios.find((s) => s.id === detail.scenarioId);
  return scenario?.playbookId ?? plan?.playbooks[0]?.id ?? null;
}

function initialDraft(detail: IncidentDetail): ChangeDraft {
  return {
    templateId: null,
    field: 'volumeRatio',
    level: 'alert',
    value: 4,
    roleId: detail.roster[0]?.roleId ?? ROLE_IDS[0],
    playbookId: null,
    phase: 'respond',
    deadline: 'PT1H',
    fr: '',
    en: '',
  };
}
