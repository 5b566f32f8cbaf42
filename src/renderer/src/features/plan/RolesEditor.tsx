// Roles: who holds each role, their deputies in calling order, their mission and the call tree.
import { Accordion, ActionIcon, Badge, Button, Group, MultiSelect, Stack, Text } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { RoleId } from '../../../../shared/domain/plan';
import { BilingualField, PersonFields } from './fields';
import type { PlanEditorProps } from './planEditing';

const emptyPerson = { name: '', title: '', phone: '', altPhone: '', email: '' };

export function RolesEditor({ plan, edit }: PlanEditorProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'fr' ? 'fr' : 'en';
  return (
    <Accordion variant="separated" multiple defaultValue={[plan.roles[0]?.id ?? '']} data-testid="plan-roles">
      {plan.roles.map((role, index) => (
        <Accordion.Item key={role.id} value={role.id}>
          <Accordion.Control>
            <Group justify="space-between" wrap="nowrap" pr="md">
              <Text fw={600}>{role.name[lang]}</Text>
              <Group gap="xs">
                <Text size="sm">{role.holder.name}</Text>
                <Text size="sm" c="dimmed">
                  {role.holder.phone}
                </Text>
                <Badge variant="light">{role.deputies.length}</Badge>
              </Group>
            </Group>
          </Accordion.Control>
          <Accordion.Panel>
            <Stack>
              <BilingualField
                label={t('plan.fields.name')}
                value={role.name}
                onChange={(name) => edit((p) => void (p.roles[index]!.name = name))}
              />
              <BilingualField
                label={t('plan.fields.mission')}
                value={role.mission}
                multiline
                onChange={(mission) => edit((p) => void (p.roles[index]!.mission = mission))}
              />
              <div>
                <Text size="sm" fw={600} mb={4}>
                  {t('plan.fields.holder')}
                </Text>
                <PersonFields
                  person={role.holder}
                  testId={`role-${role.id}-holder`}
                  onChange={(holder) => edit((p) => void (p.roles[index]!.holder = holder))}
                />
              </div>
              <div>
                <Text size="sm" fw={600} mb={4}>
                  {t('plan.fields.deputies')}
                </Text>
                <Stack gap="xs">
                  {role.deputies.map((deputy, d) => (
                    <Group key={d} align="flex-end" gap="xs" wrap="nowrap">
                      <Badge variant="outline" mb={8}>
                        {d + 1}
                      </Badge>
                      <PersonFields
                        person={deputy}
                        testId={`role-${role.id}-deputy-${d}`}
                        onChange={(next) => edit((p) => void (p.roles[index]!.deputies[d] = next))}
                      />
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        mb={4}
                        aria-label={t('plan.remove')}
                        onClick={() => edit((p) => void p.roles[index]!.deputies.splice(d, 1))}
                      >
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Group>
                  ))}
                  <Button
                    variant="light"
                    size="xs"
                    w="fit-content"
                    leftSection={<IconPlus size={14} />}
                    onClick={() => edit((p) => void p.roles[index]!.deputies.push({ ...emptyPerson }))}
                    data-testid={`role-${role.id}-add-deputy`}
                  >
                    {t('plan.fields.addDeputy')}
                  </Button>
                </Stack>
              </div>
              <MultiSelect
                label={t('plan.fields.calls')}
                value={role.calls}
                data={plan.roles.filter((r) => r.id !== role.id).map((r) => ({ value: r.id, label: r.name[lang] }))}
                onChange={(calls) => edit((p) => void (p.roles[index]!.calls = calls as RoleId[]))}
              />
              <div>
                <Text size="sm" fw={600} mb={4}>
                  {t('plan.fields.instructions')}
                </Text>
                <Stack gap="xs">
                  {role.instructions.map((instruction, i) => (
                    <Group key={i} align="flex-end" wrap="nowrap" gap="xs">
                      <div style={{ flex: 1 }}>
                        <BilingualField
                          label={`${i + 1}.`}
                          value={instruction}
                          onChange={(next) => edit((p) => void (p.roles[index]!.instructions[i] = next))}
                        />
                      </div>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        mb={6}
                        aria-label={t('plan.remove')}
                        onClick={() => edit((p) => void p.roles[index]!.instructions.splice(i, 1))}
                      >
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Group>
                  ))}
                  <Button
                    variant="light"
                    size="xs"
                    w="fit-content"
                    leftSection={<IconPlus size={14} />}
                    onClick={() => edit((p) => void p.roles[index]!.instructions.push({ fr: '', en: '' }))}
                  >
                    {t('plan.fields.addInstruction')}
                  </Button>
                </Stack>
              </div>
            </Stack>
          </Accordion.Panel>
        </Accordion.Item>
      ))}
    </Accordion>
  );
}
