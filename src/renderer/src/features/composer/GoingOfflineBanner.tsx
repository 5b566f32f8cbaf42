// The suggestion to go quiet, at the head of the response queue and of the war-room dashboard: the crisis has held
// for the plan's time and campaigns are still on air, so the cell is offered to freeze them all at once, with who
// and why recorded (the crisis log says the suggestion was acted on).
import { Alert, Button, Group, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkspaceId } from '../../../../shared/domain/workspace';
import { useComposerCall, useGoingOffline } from '../../api/hooks/useComposer';
import { errorMessage } from '../../i18n/errorMessage';
import { formatDateTime } from '../../i18n/format';
import { useOperator } from '../incidents/useOperator';

export function GoingOfflineBanner({ workspaceId, incidentId }: { workspaceId: WorkspaceId; incidentId: string | null }) {
  const { t, i18n } = useTranslation();
  const suggestion = useGoingOffline(workspaceId);
  const freeze = useComposerCall('composer:freeze');
  const [operator] = useOperator('');
  const [person, setPerson] = useState(operator.name);
  const shown = suggestion.data;
  if (!shown) return null;
  const reason = t('composer.goingOffline.reason', { minutes: shown.minutesAtCrisis });
  return (
    <Alert color="red" variant="light" title={t('composer.goingOffline.title')} data-testid="going-offline" role="region" aria-label={t('composer.goingOffline.title')}>
      <Text size="sm">
        {t('composer.goingOffline.body', {
          watches: shown.watches.join(', '),
          since: formatDateTime(shown.since, i18n.language),
          minutes: shown.minutesAtCrisis,
          campaigns: shown.campaigns.map((c) => c.name).join(', '),
        })}
      </Text>
      <Group gap="xs" mt="sm" align="flex-end">
        <TextInput
          size="xs"
          w={200}
          placeholder={t('composer.goingOffline.person')}
          aria-label={t('composer.goingOffline.person')}
          value={person}
          onChange={(e) => setPerson(e.currentTarget.value)}
          data-testid="going-offline-person"
        />
        <Button
          size="xs"
          color="red"
          disabled={person.trim() === ''}
          loading={freeze.isPending}
          onClick={() => freeze.mutate({ workspaceId, campaigns: shown.campaigns.map((c) => c.id), action: 'freeze', person: person.trim(), reason, incidentId, answersSuggestion: true })}
          data-testid="going-offline-freeze"
        >
          {t('composer.goingOffline.freezeAll')}
        </Button>
      </Group>
      {freeze.error && (
        <Text c="red" size="sm" mt="xs">
          {errorMessage(freeze.error, t)}
        </Text>
      )}
    </Alert>
  );
}
