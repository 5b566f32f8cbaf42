// The regulatory obligations the plan names. Presets (DORA, GDPR, NIS2, FINMA…) keep their legal wording and
// sources read-only: the firm keeps or removes them. Its own obligations are written here with what the presets
// hold: each step's deadline is the earliest of its limits, each in minutes, hours, days or calendar months from
// awareness, from classification or from the sending of an earlier step.
import { ActionIcon, Badge, Group, NumberInput, Paper, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OBLIGATION_PRESETS } from '../../../../shared/domain/obligationPresets';
import type { DeadlineLimit, Obligation, ObligationStep, RoleId } from '../../../../shared/domain/plan';
import { BilingualField } from './fields';
import { AddButton, NamedEntriesAccordion, RemoveButton, RequiredSelect, TitledBlock, usePlanLanguage } from './listEditing';
import { amountOf, anchored, LIMIT_UNITS, MAX_AMOUNT, withAmount, type LimitUnit } from './obligationLimits';
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
                    <StepDeadlines step={s} earlier={o.steps.slice(0, i)} onChange={(limits) => change(o.id, (x) => void (x.steps[i]!.limits = limits))} />
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

const MAX_LIMITS = 4;

/** A step's deadline: the earliest of up to four limits. */
function StepDeadlines({ step, earlier, onChange }: { step: ObligationStep; earlier: readonly ObligationStep[]; onChange: (limits: DeadlineLimit[]) => void }) {
  const { t } = useTranslation();
  const lang = usePlanLanguage();
  const anchors: { value: string; label: string }[] = [
    { value: 'classification', label: t('plan.obligations.fromOptions.classification') },
    { value: 'awareness', label: t('plan.obligations.fromOptions.awareness') },
    ...earlier.map((e, n) => ({ value: `step:${e.id}`, label: t('plan.obligations.fromOptions.stepSent', { step: e.name[lang] || t('plan.obligations.stepNumber', { n: n + 1 }) }) })),
  ];
  const set = (index: number, limit: DeadlineLimit) => onChange(step.limits.map((l, j) => (j === index ? limit : l)));
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {t('plan.obligations.deadline')}
      </Text>
      {step.limits.length > 1 && (
        <Text size="xs" c="dimmed">
          {t('plan.obligations.earliest')}
        </Text>
      )}
      {step.limits.map((limit, index) => {
        const { amount, unit } = amountOf(limit);
        // Several limits are told apart by their number.
        const numbered = (label: string) => (step.limits.length > 1 ? `${label} (${index + 1})` : label);
        return (
          <Group align="flex-end" key={index} data-testid={`limit-${step.id}-${index}`}>
            <NumberInput
              size="xs"
              w={110}
              label={numbered(t('plan.obligations.within'))}
              min={1}
              max={MAX_AMOUNT[unit]}
              value={amount}
              onChange={(value) => typeof value === 'number' && value >= 1 && set(index, withAmount(limit, value, unit))}
            />
            <RequiredSelect<LimitUnit>
              size="xs"
              w={120}
              label={numbered(t('plan.obligations.unit'))}
              data={LIMIT_UNITS.map((u) => ({ value: u, label: t(`plan.obligations.units.${u}`) }))}
              value={unit}
              onChange={(next) => set(index, withAmount(limit, amount, next))}
            />
            <RequiredSelect<string>
              size="xs"
              label={numbered(t('plan.obligations.from'))}
              data={anchors}
              value={limit.from === 'stepSent' ? `step:${limit.step}` : limit.from}
              onChange={(value) => set(index, anchored(limit, value))}
            />
            {step.limits.length > 1 && (
              <ActionIcon variant="subtle" color="red" aria-label={t('plan.obligations.removeLimit', { n: index + 1 })} onClick={() => onChange(step.limits.filter((_, j) => j !== index))}>
                ×
              </ActionIcon>
            )}
          </Group>
        );
      })}
      {step.limits.length < MAX_LIMITS && (
        <AddButton label={t('plan.obligations.addLimit')} onClick={() => onChange([...step.limits, { from: 'awareness', months: 0, after: 'PT24H' }])} />
      )}
    </Stack>
  );
}
