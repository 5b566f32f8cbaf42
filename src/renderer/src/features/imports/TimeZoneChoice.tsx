// The zone the file's zone-less dates are read in: this computer's by default, UTC and every IANA zone offered,
// with a notice saying whether the chosen date column carries its own zone.
import { Alert, Select, Stack } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

export const laptopTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

function zoneOptions(): string[] {
  return [...new Set([laptopTimeZone(), 'UTC', ...Intl.supportedValuesOf('timeZone')])];
}

interface Props {
  readonly value: string;
  readonly onChange: (zone: string) => void;
  /** Undefined while no date column is chosen. */
  readonly zoneLess: boolean | undefined;
}

export function TimeZoneChoice({ value, onChange, zoneLess }: Props) {
  const { t } = useTranslation();
  const data = useMemo(zoneOptions, []);
  return (
    <Stack gap="xs" maw={560}>
      <Select
        label={t('imports.timeZone')}
        description={t('imports.timeZoneHelp', { zone: laptopTimeZone() })}
        data={data}
        value={value}
        onChange={(zone) => zone && onChange(zone)}
        allowDeselect={false}
        searchable
        limit={50}
        data-testid="import-time-zone"
      />
      {zoneLess !== undefined && (
        <Alert color={zoneLess ? 'yellow' : 'blue'} role="status" data-testid="import-zone-notice" data-zone-less={zoneLess}>
          {zoneLess ? t('imports.zoneLess', { zone: value }) : t('imports.zoneCarried')}
        </Alert>
      )}
    </Stack>
  );
}
