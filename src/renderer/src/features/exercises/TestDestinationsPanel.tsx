// Where an exercise's e-mails, SMS and messenger posts go instead of the roster's real contacts: one address per
// channel for everyone, or per person of the plan (by their id, so a corrected name keeps its address). Without
// any, an exercise sends nothing.
import { ActionIcon, Button, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TestDestinations } from '../../../../shared/domain/notify';
import type { WorkspaceId } from '../../../../shared/domain/workspace';
import { useSaveTestDestinations, useTestDestinations } from '../../api/hooks/useNotify';
import { usePlan } from '../../api/hooks/usePlan';
import { QueryState } from '../../components/QueryState';
import { errorMessage } from '../../i18n/errorMessage';

const CHANNELS = ['email', 'sms', 'messenger'] as const;

export function TestDestinationsPanel({ workspaceId }: { readonly workspaceId: WorkspaceId }) {
  const query = useTestDestinations(workspaceId);
  return <QueryState query={query}>{(saved) => <DestinationsForm key={workspaceId} workspaceId={workspaceId} saved={saved} />}</QueryState>;
}

function DestinationsForm({ workspaceId, saved }: { readonly workspaceId: WorkspaceId; readonly saved: TestDestinations }) {
  const { t } = useTranslation();
  const plan = usePlan(workspaceId);
  const save = useSaveTestDestinations(workspaceId);
  const [draft, setDraft] = useState<TestDestinations>(saved);
  const [person, setPerson] = useState<string | null>(null);
  const people = new Map(
    (plan.data?.plan.roles ?? []).flatMap((r) => [...(r.holder ? [r.holder] : []), ...r.deputies]).flatMap((p) => (p.id ? [[p.id, p.name] as const] : [])),
  );
  const free = [...people].filter(([id]) => !draft.people.some((p) => p.personId === id)).map(([value, label]) => ({ value, label }));
  const empty = CHANNELS.every((c) => !draft.catchAll[c]) && draft.people.length === 0;

  return (
    <Paper withBorder p="md" data-testid="exercise-test-destinations">
      <Stack gap="sm">
        <Title order={4}>{t('exercises.destinations.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('exercises.destinations.help')}
        </Text>
        {empty && (
          <Text size="sm" c="orange" role="status" data-testid="destinations-none">
            {t('exercises.destinations.none')}
          </Text>
        )}
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('exercises.destinations.person')}</Table.Th>
              {CHANNELS.map((c) => (
                <Table.Th key={c}>{t(`notify.channels.${c}`)}</Table.Th>
              ))}
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            <Table.Tr>
              <Table.Td>{t('exercises.destinations.everyone')}</Table.Td>
              {CHANNELS.map((c) => (
                <Table.Td key={c}>
                  <TextInput
                    size="xs"
                    aria-label={`${t('exercises.destinations.everyone')} — ${t(`notify.channels.${c}`)}`}
                    value={draft.catchAll[c]}
                    onChange={(e) => setDraft({ ...draft, catchAll: { ...draft.catchAll, [c]: e.currentTarget.value } })}
                    data-testid={`destination-all-${c}`}
                  />
                </Table.Td>
              ))}
              <Table.Td />
            </Table.Tr>
            {draft.people.map((row, i) => (
              <Table.Tr key={row.personId}>
                <Table.Td>{people.get(row.personId) ?? row.person}</Table.Td>
                {CHANNELS.map((c) => (
                  <Table.Td key={c}>
                    <TextInput
                      size="xs"
                      aria-label={`${people.get(row.personId) ?? row.person} — ${t(`notify.channels.${c}`)}`}
                      value={row[c]}
                      onChange={(e) => setDraft({ ...draft, people: draft.people.map((p, j) => (j === i ? { ...p, [c]: e.currentTarget.value } : p)) })}
                    />
                  </Table.Td>
                ))}
                <Table.Td>
                  <ActionIcon variant="subtle" color="red" aria-label={t('exercises.destinations.remove', { person: people.get(row.personId) ?? row.person })} onClick={() => setDraft({ ...draft, people: draft.people.filter((_, j) => j !== i) })}>
                    ×
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Group align="flex-end">
          <Select size="xs" label={t('exercises.destinations.addPerson')} data={free} value={person} onChange={setPerson} searchable data-testid="destination-person" />
          <Button
            size="xs"
            variant="light"
            disabled={!person}
            onClick={() => {
              if (!person) return;
              setDraft({ ...draft, people: [...draft.people, { personId: person, person: people.get(person) ?? '', email: '', sms: '', messenger: '' }] });
              setPerson(null);
            }}
          >
            {t('exercises.destinations.add')}
          </Button>
          <Button size="xs" loading={save.isPending} onClick={() => save.mutate(draft, { onSuccess: setDraft })} data-testid="destinations-save">
            {t('exercises.destinations.save')}
          </Button>
        </Group>
        {save.isError && (
          <Text size="sm" c="red" role="alert">
            {errorMessage(save.error, t)}
          </Text>
        )}
        {save.isSuccess && (
          <Text size="sm" c="green" role="status" data-testid="destinations-saved">
            {t('exercises.destinations.saved')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
