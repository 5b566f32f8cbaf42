// The statements of one incident, newest first, with their approval state.
import { Badge, NavLink, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { WorkspaceId } from '../../../../shared/domain/workspace';
import { useStatements } from '../../api/hooks/useComposer';
import { QueryState } from '../../components/QueryState';
import { approvalColor } from './labels';

export function StatementList(props: { workspaceId: WorkspaceId; incidentId: string; selected: string | null; onSelect: (id: string) => void }) {
  const { t } = useTranslation();
  const list = useStatements(props.workspaceId, props.incidentId);
  return (
    <QueryState query={list}>
      {(statements) =>
        statements.length === 0 ? (
          <Paper withBorder p="sm">
            <Text c="dimmed" size="sm">
              {t('composer.noStatements')}
            </Text>
          </Paper>
        ) : (
          <Stack gap={4} data-testid="composer-statement-list">
            {statements.map((s) => (
              <NavLink
                key={s.id}
                active={s.id === props.selected}
                label={s.title}
                description={t(`composer.kinds.${s.kind}`)}
                onClick={() => props.onSelect(s.id)}
                rightSection={
                  <Badge size="xs" color={approvalColor[s.approvalState]}>
                    {t(`composer.states.${s.approvalState}`)}
                  </Badge>
                }
              />
            ))}
          </Stack>
        )
      }
    </QueryState>
  );
}
