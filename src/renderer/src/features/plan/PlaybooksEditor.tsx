// Playbooks: checklist actions by phase, each with an owner role and an H+n deadline.
import { Button, Group, NumberInput, Stack, Table, Text, Textarea } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  PHASES,
  durationToMinutes,
  minutesToDuration,
} from '../../../../shared/domain/plan';
import { RemoveButton, RequiredSelect, usePlanLanguage } from './listEditing';
import { newPlanId, type PlanEditorProps } from './planEditing';

export function PlaybooksEditor({ plan, edit }: PlanEditorProps) {
  const { t } = useTranslation();
  const lang = usePlanLanguage();
  const [selected, setSelected] = useState(plan.playbooks[0]?.id ?? '');
  const index = plan.playbooks.findIndex((pb) => pb.id === selected);
  const playbook = plan.playbooks[index];
  const roleOptions = plan.roles.map((role) => ({ value: role.id, label: role.name[lang] }));
  const phaseOptions = PHASES.map((phase) => ({ value: phase, label: t(`plan.phases.${phase}`) }));

  return (
    <Stack data-testid="plan-playbooks">
      <RequiredSelect
        label={t('plan.fields.playbook')}
        value={selected}
        maw={420}
        data={plan.playbooks.map((pb) => ({ value: pb.id, label: pb.name[lang] }))}
        onChange={setSelected}
      />
      {playbook && (
        <Table striped verticalSpacing="xs" layout="fixed">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={165}>{t('plan.fields.phase')}</Table.Th>
              <Table.Th>{t('plan.fields.text')}</Table.Th>
              <Table.Th w={200}>{t('plan.fields.owner')}</Table.Th>
              <Table.Th w={110} title={t('plan.fields.deadlineHelp')}>
                {t('plan.fields.deadline')}
              </Table.Th>
              <Table.Th w={40} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {playbook.items.map((item, i) => (
              <Table.Tr key={item.id}>
                <Table.Td>
                  <RequiredSelect
                    aria-label={t('plan.fields.phase')}
                    value={item.phase}
                    data={phaseOptions}
                    onChange={(phase) => edit((p) => void (p.playbooks[index]!.items[i]!.phase = phase))}
                  />
                </Table.Td>
                <Table.Td>
                  <Stack gap={4}>
                    {(['fr', 'en'] as const).map((l) => (
                      <Textarea
                        key={l}
                        autosize
                        minRows={1}
                        aria-label={`${t('plan.fields.text')} (${t(`plan.${l}`)})`}
                        leftSection={<Text size="xs" c="dimmed">{t(`plan.${l}`)}</Text>}
                        value={item.text[l]}
                        onChange={(e) => {
                          const value = e.currentTarget.value;
                          edit((p) => void (p.playbooks[index]!.items[i]!.text[l] = value));
                        }}
                      />
                    ))}
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <RequiredSelect
                    aria-label={t('plan.fields.owner')}
                    value={item.ownerRole}
                    data={roleOptions}
                    onChange={(role) => edit((p) => void (p.playbooks[index]!.items[i]!.ownerRole = role))}
                  />
                </Table.Td>
                <Table.Td>
                  <NumberInput
                    aria-label={t('plan.fields.deadlineHelp')}
                    prefix="H+"
                    min={0}
                    max={2000}
                    step={0.25}
                    decimalScale={2}
                    value={durationToMinutes(item.deadline) / 60}
                    onChange={(hours) =>
                      typeof hours === 'number' &&
                      edit((p) => void (p.playbooks[index]!.items[i]!.deadline = minutesToDuration(hours * 60)))
                    }
                  />
                </Table.Td>
                <Table.Td>
                  <RemoveButton onClick={() => edit((p) => void p.playbooks[index]!.items.splice(i, 1))} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {playbook && (
        <Group>
          <Button
            variant="light"
            size="xs"
            leftSection={<IconPlus size={14} />}
            onClick={() =>
              edit(
                (p) =>
                  void p.playbooks[index]!.items.push({
                    id: newPlanId('item'),
                    phase: 'respond',
                    text: { fr: '', en: '' },
                    ownerRole: plan.roles[0]?.id ?? 'crisisLead',
                    deadline: 'PT1H',
                  }),
              )
            }
          >
            {t('plan.fields.addItem')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
