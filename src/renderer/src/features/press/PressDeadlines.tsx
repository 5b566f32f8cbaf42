// The open press deadlines of an incident, on its page whatever the tab: soonest first, overdue in red.
import { Anchor, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePressDesk } from '../../api/hooks/usePress';
import { useWorkspaceId } from '../../app/WorkspaceContext';
import { formatDateTime } from '../../i18n/format';
import { useNow } from '../incidents/useNow';
import { isOpen, liveStatus } from './liveStatus';

const SHOWN = 3;

export function PressDeadlines({ incidentId, href }: { incidentId: string; href: string }) {
  const { t, i18n } = useTranslation();
  const workspaceId = useWorkspaceId();
  const now = useNow(30_000);
  const open = (usePressDesk(workspaceId, incidentId).data?.inquiries ?? []).filter(isOpen);
  if (open.length === 0) return null;
  return (
    <Group gap="xs" data-testid="press-deadlines">
      <Anchor href={href} size="sm" fw={600}>
        {t('press.deadlines.title')}
      </Anchor>
      {open.slice(0, SHOWN).map((inquiry) => {
        const late = liveStatus(inquiry, now) === 'late';
        return (
          <Text key={inquiry.id} size="sm" c={late ? 'red.4' : undefined} fw={late ? 700 : 400} data-testid={late ? 'press-deadline-overdue' : 'press-deadline'}>
            {t('press.deadlines.item', { person: inquiry.person, outlet: inquiry.outlet, deadline: formatDateTime(inquiry.deadline, i18n.language) })}
            {late ? ` (${t('press.deadlines.overdue')})` : ''}
          </Text>
        );
      })}
    </Group>
  );
}
