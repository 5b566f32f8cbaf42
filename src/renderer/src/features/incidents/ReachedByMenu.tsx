// The coordinator reached someone outside Tocsin: records the acknowledgement with how (phone, SMS, in person…).
import { Button, Menu } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Actor } from '../../../../shared/domain/incident';
import { REACHED_BY } from '../../../../shared/domain/notify';
import type { RoleId } from '../../../../shared/domain/plan';
import { useRecordAcknowledgement } from '../../api/hooks/useNotify';
import { useWorkspaceId } from '../../app/WorkspaceContext';

interface Props {
  readonly incidentId: string;
  readonly roleId: RoleId;
  readonly roleName: string;
  readonly actor: Actor;
}

export function ReachedByMenu({ incidentId, roleId, roleName, actor }: Props) {
  const { t } = useTranslation();
  const record = useRecordAcknowledgement(useWorkspaceId(), incidentId);
  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <Button size="compact-xs" variant="subtle" loading={record.isPending} data-testid={`reached-by-${roleId}`} aria-label={`${t('notify.reached.title')} — ${roleName}`}>
          {t('notify.reached.title')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {REACHED_BY.filter((how) => how !== 'app').map((how) => (
          <Menu.Item key={how} onClick={() => record.mutate({ roleId, reachedBy: how, actor })} data-testid={`reached-by-${roleId}-${how}`}>
            {t(`notify.reachedBy.${how}`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
