// Who this laptop's member is on the roster: the link that lets a mobilisation made on another laptop ask them here,
// and the calls that asked them, acknowledged from this laptop or still to acknowledge.
import { Alert, Autocomplete, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Member } from '../../../../shared/contract/cell';
import { useCellProfile } from '../../api/hooks/useCell';
import { useAcknowledgeMine, useMyCalls } from '../../api/hooks/useNotify';
import { usePlan } from '../../api/hooks/usePlan';
import { useWorkspaceId } from '../../app/WorkspaceContext';
import { errorMessage } from '../../i18n/errorMessage';
import { formatContactTime } from './contactTime';

export function RosterPersonPanel({ self }: { self: Member }) {
  const { t, i18n } = useTranslation();
  const workspaceId = useWorkspaceId();
  const plan = usePlan(workspaceId).data?.plan;
  const save = useCellProfile(workspaceId);
  const calls = useMyCalls(workspaceId).data ?? [];
  const acknowledge = useAcknowledgeMine(workspaceId);
  const [person, setPerson] = useState(self.personName ?? '');
  useEffect(() => setPerson(self.personName ?? ''), [self.personName]);
  const people = [...new Set((plan?.roles ?? []).flatMap((r) => [...(r.holder ? [r.holder.name] : []), ...r.deputies.map((d) => d.name)]))].sort((x, y) => x.localeCompare(y, i18n.language));
  const language = i18n.language === 'en' ? 'en' : 'fr';
  const chosen = person.trim();
  return (
    <Paper withBorder p="lg" data-testid="cell-roster-person">
      <Stack>
        <Title order={3} size="h4">
          {t('cell.rosterPerson.title')}
        </Title>
        <Group align="end">
          <Autocomplete
            label={t('cell.rosterPerson.label')}
            description={t('cell.rosterPerson.help')}
            data={people}
            value={person}
            onChange={setPerson}
            maxLength={120}
            style={{ flex: 1 }}
            data-testid="cell-roster-person-input"
          />
          <Button
            onClick={() => save.mutate({ memberName: self.name, roles: self.roles, personName: chosen === '' ? null : chosen })}
            loading={save.isPending}
            disabled={chosen === (self.personName ?? '')}
            data-testid="cell-roster-person-save"
          >
            {t('cell.rosterPerson.save')}
          </Button>
        </Group>
        <Text size="sm" data-testid="cell-roster-person-current">
          {self.personName ? t('cell.rosterPerson.current', { name: self.personName }) : t('cell.rosterPerson.none')}
        </Text>
        {save.error && <Alert color="red">{errorMessage(save.error, t)}</Alert>}
        {calls.length > 0 && (
          <Stack gap={4} data-testid="my-calls">
            <Text fw={600} size="sm">
              {t('notify.mine.title')}
            </Text>
            {calls.map((call) => (
              <Group key={`${call.mobilisationId}:${call.roleId}`} justify="space-between" data-testid="my-call" data-role={call.roleId}>
                <Text size="sm">
                  {call.title} — {call.roleName[language]}
                </Text>
                {call.acknowledgedAt ? (
                  <Badge color="green" variant="light" data-testid="my-call-acknowledged">
                    {t('notify.mine.acknowledgedAt', { time: formatContactTime(call.acknowledgedAt, i18n.language) })}
                  </Badge>
                ) : (
                  <Button size="xs" onClick={() => acknowledge.mutate({ mobilisationId: call.mobilisationId, roleId: call.roleId })} loading={acknowledge.isPending}>
                    {t('notify.mine.acknowledge')}
                  </Button>
                )}
              </Group>
            ))}
            {acknowledge.error && <Alert color="red">{errorMessage(acknowledge.error, t)}</Alert>}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
