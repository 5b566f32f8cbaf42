// The watches and start of an incident's period, as chosen when opening one by hand or correcting its scope.
import { Checkbox, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Watch } from '../../../../shared/domain/watch';

/** An instant as a datetime-local value, in this computer's zone. */
export function toLocalInput(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A datetime-local value read in this computer's zone, as a UTC instant; null when empty or unreadable. */
export function fromLocalInput(value: string): string | null {
  const ms = Date.parse(value);
  return value === '' || Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

interface Props {
  readonly watches: readonly Watch[];
  readonly watchIds: readonly number[];
  readonly onWatchIds: (ids: number[]) => void;
  readonly start: string;
  readonly onStart: (value: string) => void;
  /** When the start may be left empty (opening by hand: it then starts now). */
  readonly startOptional?: boolean;
}

export function ScopeFields({ watches, watchIds, onWatchIds, start, onStart, startOptional = false }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <Checkbox.Group
        label={t('incidents.scope.watches')}
        value={watchIds.map(String)}
        onChange={(ids) => onWatchIds(ids.map(Number))}
        required
        data-testid="scope-watch-choice"
      >
        <Stack gap={4} mt={4}>
          {watches.map((w) => (
            <Checkbox key={w.id} value={String(w.id)} label={w.name} />
          ))}
        </Stack>
      </Checkbox.Group>
      <TextInput
        type="datetime-local"
        label={t('incidents.scope.start')}
        description={t(startOptional ? 'incidents.scope.startHelpNow' : 'incidents.scope.startHelp')}
        value={start}
        onChange={(e) => onStart(e.currentTarget.value)}
        required={!startOptional}
        data-testid="scope-start"
      />
    </>
  );
}
