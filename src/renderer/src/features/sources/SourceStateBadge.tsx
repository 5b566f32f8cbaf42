// The health of one source at a glance: colour and word, never colour alone.
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SourceState } from '../../../../shared/domain/source';

const COLORS: Record<SourceState, string> = { ok: 'green', failing: 'red', offline: 'orange', paused: 'gray', pending: 'blue', push: 'teal' };

export function SourceStateBadge({ state }: { state: SourceState }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[state]} variant="light" style={{ flexShrink: 0 }} styles={{ root: { maxWidth: 'none' }, label: { overflow: 'visible' } }} data-testid={`source-state-${state}`}>
      {t(`sources.states.${state}`)}
    </Badge>
  );
}
