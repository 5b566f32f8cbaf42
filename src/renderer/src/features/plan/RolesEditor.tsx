// Roles: the shipped ten and the cell's own, who holds each, their deputies in calling order, how to reach them,
// their mission and the call tree. A role still named elsewhere in the plan cannot be removed.
import { Alert, Badge, Button, Group, List, MultiSelect, Stack, Text } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_ROLES, type RoleId } from '../../../../shared/domain/plan';
import { removeRole, type RoleUsage } from '../../../../shared/domain/planRoles';
import { BilingualField, PersonFields } from './fields';
import { AddButton, NamedEntriesAccordion, RemovableList, TitledBlock, usePlanLanguage } from './listEditing';
import { newPlanId, type PlanEditorProps } from './planEditing';

const emptyPerson = { name: '', title: '', phone: '', altPhone: '', email: '' };

export function RolesEditor({ plan, edit }: PlanEditorProps) {
  const { t } = useTranslation();
  const lang = usePlanLanguage();
  const [refused, setRefused] = useState<{ roleId: RoleId; usages: RoleUsage[] }>();
  const usageText = useUsageText();

  const onRemove = (roleId: RoleId) => {
    const outcome = removeRole(plan, roleId);
    if (!outcome.ok) return setRefused({ roleId, usages: outcome.usages });
    setRefused(undefined);
    edit((p) => void (p.roles = p.roles.filter((role) => role.id !== roleId)));
  };

  return (
    <Stack>
      <AddButton
        label={t('plan.roles.add')}
        testId="plan-add-role"
        onClick={() =>
          plan.roles.length < MAX_ROLES &&
          edit((p) =>
            void p.roles.push({
              id: newPlanId('role'),
              name: { fr: t('plan.roles.newName', { lng: 'fr' }), en: t('plan.roles.newName', { lng: 'en' }) },
              mission: { fr: '', en: '' },
              instructions: [],
              holder: null,
              deputies: [],
              calls: [],
            }),
          )
        }
      />
      <NamedEntriesAccordion
        entries={plan.roles}
        testId="plan-roles"
        openFirst
        summary={(role) => (
          <Group gap="xs">
            <Text size="sm">{role.holder?.name || t('plan.roles.vacant')}</Text>
            <Text size="sm" c="dimmed">
              {role.holder?.phone}
            </Text>
            <Badge variant="light">{role.deputies.length}</Badge>
          </Group>
        )}
        onNameChange={(index, name) => edit((p) => void (p.roles[index]!.name = name))}
      >
        {(role, index) => (
        <>
          <Text size="xs" c="dimmed">
            {t('plan.roles.id', { id: role.id })}
          </Text>
          <BilingualField
            label={t('plan.fields.mission')}
            value={role.mission}
            multiline
            onChange={(mission) => edit((p) => void (p.roles[index]!.mission = mission))}
          />
          <TitledBlock title={t('plan.fields.holder')}>
            {role.holder ? (
              <PersonFields
                person={role.holder}
                testId={`role-${role.id}-holder`}
                onChange={(holder) => edit((p) => void (p.roles[index]!.holder = holder))}
              />
            ) : (
              <AddButton
                label={t('plan.roles.nameHolder')}
                testId={`role-${role.id}-add-holder`}
                onClick={() => edit((p) => void (p.roles[index]!.holder = { ...emptyPerson }))}
              />
            )}
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
          {refused?.roleId === role.id && (
            <Alert color="red" title={t('plan.roles.inUse', { count: refused.usages.length })} data-testid={`role-${role.id}-in-use`}>
              <List size="sm">
                {refused.usages.map((usage, u) => (
                  <List.Item key={u}>{usageText(usage)}</List.Item>
                ))}
              </List>
            </Alert>
          )}
          <Button
            variant="subtle"
            color="red"
            w="fit-content"
            leftSection={<IconTrash size={14} />}
            onClick={() => onRemove(role.id)}
            data-testid={`role-${role.id}-remove`}
          >
            {t('plan.roles.remove')}
          </Button>
        </>
      )}
      </NamedEntriesAccordion>
    </Stack>
  );
}

/** Each place that names a role, worded so the person knows which tab to open. */
function useUsageText(): (usage: RoleUsage) => string {
  const { t } = useTranslation();
  const lang = usePlanLanguage();
  return (usage) => {
    switch (usage.kind) {
      case 'approval':
        return t('plan.roles.usage.approval', { kind: t(`composer.kinds.${usage.statementKind}`) });
      case 'checklist':
        return t('plan.roles.usage.checklist', { playbook: usage.playbook[lang], item: usage.item[lang] });
      case 'callTree':
        return t('plan.roles.usage.callTree', { role: usage.role[lang] });
      case 'obligation':
        return t('plan.roles.usage.obligation', { obligation: usage.obligation[lang] });
      case 'escalation':
        return t('plan.roles.usage.escalation', { level: t(`plan.levels.${usage.level}`) });
    }
  };
}
