// The regulatory obligations the plan names. Presets (DORA, GDPR, NIS2, FINMA…) keep their legal wording and
// sources read-only: the firm keeps or removes them. Its own obligations are written here, one deadline per step.
import { Badge, Group, NumberInput, Paper, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OBLIGATION_PRESETS } from '../../../../shared/domain/obligationPresets';
import { durationToMinutes, type DeadlineLimit, type Obligation, type RoleId } from '../../../../shared/domain/plan';
import { BilingualField } from './fields';
import { AddButton, NamedEntriesAccordion, RemoveButton, RequiredSelect, TitledBlock, usePlanLanguage } from './listEditing';
import { newPlanId, type PlanEditorProps } from './planEditing';

const PRESET_IDS = new Set(OBLIGATION_PRESETS.map((o) => o.id));
const EMPTY = { fr: '', en: '' };

export function ObligationsEditor({ plan, edit }: PlanEditorProps) {
  const { t } = useTranslation();
  const lang = usePlanLanguage();
  const [preset, setPreset] = useState<string | null>(null);
  const obligations = plan.regulatory.obligations;
  const presets = obligations.filter((o) => PRESET_IDS.has(o.id));
  const own = obligations.filter((o) => !PRESET_IDS.has(o.id));
  const indexOf = (id: string) => obligations.findIndex((o) => o.id === id);
  const change = (id: string, update: (o: Obligation) => void) => edit((p) => update(p.regulatory.obligations[p.regulatory.obligations.findIndex((o) => o.id === id)]!));
  const remove = (id: string) => edit((p) => void p.regulatory.obligations.splice(indexOf(id), 1));
  const roleOptions = plan.roles.map((role) => ({ value: role.id, label: role.name[lang] }));
  const missing = OBLIGATION_PRESETS.filter((o) => !obligations.some((kept) => kept.id === o.id));

  return (
    <Stack data-testid="plan-obligations">
      <TitledBlock title={t('plan.obligations.presets')}>
        <Text size="sm" c="dimmed" mb="xs">
          {t('plan.obligations.presetsHelp')}
        </Text>
        <Stack gap="xs">
          {presets.map((o) => (
            <Paper withBorder p="sm" key={o.id} data-testid={`obligation-preset-${o.id}`}>
              <Group justify="space-between" align="flex-start" wrap="nowrap">
                <Stack gap={2}>
                  <Group gap="xs">
                    <Text fw={600}>{o.name[lang]}</Text>
                    <Badge variant="light" size="sm">
                      {t('plan.obligations.readOnly')}
                    </Badge>
                  </Group>
                  <Text size="sm">{o.source[lang]}</Text>
                  <Text size="sm" c="dimmed">
                    {t('plan.obligations.toBy', { recipient: o.recipient[lang], role: roleOptions.find((r) => r.value === o.ownerRole)?.label ?? o.ownerRole })}
                  </Text>
                  {o.steps.map((s) => (
                    <Text size="sm" key={s.id}>
                      • {s.name[lang]} — {s.due[lang]}
                    </Text>
                  ))}
                </Stack>
                <RemoveButton onClick={() => remove(o.id)} />
              </Group>
            </Paper>
          ))}
        </Stack>
        {missing.length > 0 && (
          <Group align="flex-end" mt="xs">
            <Select size="xs" label={t('plan.obligations.addPreset')} data={missing.map((o) => ({ value: o.id, label: o.name[lang] }))} value={preset} onChange={setPreset} />
            <AddButton
              label={t('plan.add')}
              onClick={() => {
                const chosen = OBLIGATION_PRESETS.find((o) => o.id === preset);
                if (chosen) edit((p) => void p.regulatory.obligations.push(structuredClone(chosen) as Obligation));
                setPreset(null);
              }}
            />
          </Group>
        )}
      </TitledBlock>

      <TitledBlock title={t('plan.obligations.own')}>
        <NamedEntriesAccordion
          entries={own}
          testId="plan-own-obligations"
          summary={(o) => <Text size="sm" c="dimmed">{t('plan.obligations.stepCount', { count: o.steps.length })}</Text>}
          onNameChange={(i, name) => change(own[i]!.id, (o) => void (o.name = name))}
        >
          {(o) => (
            <>
              <BilingualField label={t('plan.obligations.source')} value={o.source} onChange={(v) => change(o.id, (x) => void (x.source = v))} />
              <BilingualField label={t('plan.obligations.recipient')} value={o.recipient} onChange={(v) => change(o.id, (x) => void (x.recipient = v))} />
              <RequiredSelect<RoleId> label={t('plan.obligations.owner')} data={roleOptions} value={o.ownerRole} onChange={(role) => change(o.id, (x) => void (x.ownerRole = role))} />
              {o.steps.map((s, i) => (
                <Paper withBorder p="sm" key={s.id}>
                  <Stack gap="xs">
                    <BilingualField label={t('plan.obligations.stepName')} value={s.name} onChange={(v) => change(o.id, (x) => void (x.steps[i]!.name = v))} />
                    <BilingualField label={t('plan.obligations.due')} value={s.due} onChange={(v) => change(o.id, (x) => void (x.steps[i]!.due = v))} />
                    <StepDeadline limit={s.limits[0]!} onChange={(limit) => change(o.id, (x) => void (x.steps[i]!.limits = [limit]))} />
                    {o.steps.length > 1 && <RemoveButton onClick={() => change(o.id, (x) => void x.steps.splice(i, 1))} />}
                  </Stack>
                </Paper>
              ))}
              <Group>
                <AddButton label={t('plan.obligations.addStep')} onClick={() => change(o.id, (x) => void x.steps.push(newStep()))} />
                <RemoveButton onClick={() => remove(o.id)} />
              </Group>
            </>
          )}
        </NamedEntriesAccordion>
        <AddButton
          label={t('plan.obligations.addOwn')}
          testId="obligation-add"
          onClick={() =>
            edit((p) => void p.regulatory.obligations.push({ id: newPlanId('obligation'), name: { ...EMPTY }, source: { ...EMPTY }, recipient: { ...EMPTY }, ownerRole: 'crisisLead', steps: [newStep()] }))
          }
        />
      </TitledBlock>
    </Stack>
  );
}

function newStep(): Obligation['steps'][number] {
  return { id: newPlanId('step'), name: { ...EMPTY }, due: { ...EMPTY }, limits: [{ from: 'classification', months: 0, after: 'PT2H' }] };
}

/** A step's deadline in hours from awareness or from classification. */
function StepDeadline({ limit, onChange }: { limit: DeadlineLimit; onChange: (limit: DeadlineLimit) => void }) {
  const { t } = useTranslation();
  const hours = Math.round(durationToMinutes(limit.after) / 60);
  return (
    <Group align="flex-end">
      <NumberInput
        size="xs"
        w={140}
        label={t('plan.obligations.hours')}
        min={1}
        max={8760}
        value={hours}
        onChange={(value) => typeof value === 'number' && value >= 1 && onChange({ from: limit.from === 'stepSent' ? 'classification' : limit.from, months: 0, after: `PT${Math.round(value)}H` })}
      />
      <RequiredSelect<'awareness' | 'classification'>
        size="xs"
        label={t('plan.obligations.from')}
        data={(['classification', 'awareness'] as const).map((from) => ({ value: from, label: t(`plan.obligations.fromOptions.${from}`) }))}
        value={limit.from === 'awareness' ? 'awareness' : 'classification'}
        onChange={(from) => onChange({ ...limit, from, step: undefined, months: 0 })}
      />
    </Group>
  );
}
