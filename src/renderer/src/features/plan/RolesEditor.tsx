// Roles: who holds each role, their deputies in calling order, their mission and the call tree.
import { Badge, Group, MultiSelect, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RoleId } from '../../../../shared/domain/plan';
import { BilingualField, PersonFields } from './fields';
import { NamedEntriesAccordion, RemovableList, TitledBlock, usePlanLanguage } from './listEditing';
import type { PlanEditorProps } from './planEditing';

const emptyPerson = { name: '', title: '', phone: '', altPhone: '', email: '' };

export function RolesEditor({ plan, edit }: PlanEditorProps) {
  const { t } = useTranslation();
  const lang = usePlanLanguage();
  return (
    <NamedEntriesAccordion
      entries={plan.roles}
      testId="plan-roles"
      openFirst
      summary={(role) => (
        <Group gap="xs">
          <Text size="sm">{role.holder.name}</Text>
          <Text size="sm" c="dimmed">
            {role.holder.phone}
          </Text>
          <Badge variant="light">{role.deputies.length}</Badge>
        </Group>
      )}
      onNameChange={(index, name) => edit((p) => void (p.roles[index]!.name = name))}
    >
      {(role, index) => (
        <>
          <BilingualField
            label={t('plan.fields.mission')}
            value={role.mission}
            multiline
            onChange={(mission) => edit((p) => void (p.roles[index]!.mission = mission))}
          />
          <TitledBlock title={t('plan.fields.holder')}>
            <PersonFields
              person={role.holder}
              testId={`role-${role.id}-holder`}
              onChange={(holder) => edit((p) => void (p.roles[index]!.holder = holder))}
            />
          </TitledBlock>
          <TitledBlock title={t('plan.fields.deputies')}>
            <RemovableList
              items={role.deputies}
              renderItem={(deputy, d) => (
                <>
                  <Badge variant="outline" mb={8}>
                    {d + 1}
                  </Badge>
                  <PersonFields
                    person={deputy}
                    testId={`role-${role.id}-deputy-${d}`}
                    onChange={(next) => edit((p) => void (p.roles[index]!.deputies[d] = next))}
                  />
                </>
              )}
              removeOffset={4}
              onRemove={(d) => edit((p) => void p.roles[index]!.deputies.splice(d, 1))}
              addLabel={t('plan.fields.addDeputy')}
              addTestId={`role-${role.id}-add-deputy`}
              onAdd={() => edit((p) => void p.roles[index]!.deputies.push({ ...emptyPerson }))}
            />
          </TitledBlock>
          <MultiSelect
            label={t('plan.fields.calls')}
            value={role.calls}
            data={plan.roles.filter((r) => r.id !== role.id).map((r) => ({ value: r.id, label: r.name[lang] }))}
            onChange={(calls) => edit((p) => void (p.roles[index]!.calls = calls as RoleId[]))}
          />
          <TitledBlock title={t('plan.fields.instructions')}>
            <RemovableList
              items={role.instructions}
              renderItem={(instruction, i) => (
                <div style={{ flex: 1 }}>
                  <BilingualField
                    label={`${i + 1}.`}
                    value={instruction}
                    onChange={(next) => edit((p) => void (p.roles[index]!.instructions[i] = next))}
                  />
                </div>
              )}
              removeOffset={6}
              onRemove={(i) => edit((p) => void p.roles[index]!.instructions.splice(i, 1))}
              addLabel={t('plan.fields.addInstruction')}
              onAdd={() => edit((p) => void p.roles[index]!.instructions.push({ fr: '', en: '' }))}
            />
          </TitledBlock>
        </>
      )}
    </NamedEntriesAccordion>
  );
}
