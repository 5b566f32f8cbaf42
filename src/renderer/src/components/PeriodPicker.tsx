// Chooses the period of a screen: a "last N" range that follows the clock, or any past days picked on one
// calendar (two clicks, or a preset). The days are local; the period handed back is [first day 00:00, day after the last).
import { Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { DatePickerInput, type DatePickerPreset } from '@mantine/dates';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dayStart, localDay, nextDay } from './periodLabel';

export interface Bounds {
  from: string;
  to: string;
}

type DayRange = [string | null, string | null];

function presets(today: Date, label: (key: string) => string): Array<DatePickerPreset<'range'>> {
  const day = (y: number, m: number, d: number) => localDay(new Date(y, m, d).toISOString());
  const [y, m, d] = [today.getFullYear(), today.getMonth(), today.getDate()];
  return [
    { value: [day(y, m, d - 6), day(y, m, d)], label: label('last7') },
    { value: [day(y, m, d - 29), day(y, m, d)], label: label('last30') },
    { value: [day(y, m, 1), day(y, m, d)], label: label('thisMonth') },
    { value: [day(y, m - 1, 1), day(y, m, 0)], label: label('lastMonth') },
  ];
}

export function PeriodPicker<R extends string>({
  ranges,
  range,
  bounds,
  onRange,
  onBounds,
  testId,
}: {
  /** "Last N" choices with their labels; none when the screen only takes dates. */
  ranges?: ReadonlyArray<{ value: R; label: string }>;
  range?: R | null;
  bounds: Bounds | null;
  onRange?: (range: R) => void;
  onBounds: (bounds: Bounds) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  const labelId = useId();
  const firstDay = bounds ? localDay(bounds.from) : null;
  const lastDay = bounds ? localDay(new Date(Date.parse(bounds.to) - 1).toISOString()) : null;
  // A half-picked range (one click) stays local until its second day is chosen.
  const [days, setDays] = useState<DayRange>([firstDay, lastDay]);
  useEffect(() => setDays([firstDay, lastDay]), [firstDay, lastDay]);
  const pick = (next: DayRange) => {
    setDays(next);
    if (next[0] && next[1]) onBounds({ from: dayStart(next[0]), to: dayStart(nextDay(next[1])) });
  };
  return (
    <Stack gap={4} data-testid={testId}>
      <Text size="sm" fw={500} id={labelId}>
        {t('dashboard.range')}
      </Text>
      <Group gap="sm" align="center" wrap="nowrap">
        {ranges && onRange && (
          <SegmentedControl
            aria-labelledby={labelId}
            value={bounds ? '' : (range ?? '')}
            onChange={(v) => onRange(v as R)}
            data={ranges.map((r) => ({ value: r.value, label: r.label }))}
            data-testid={`${testId}-ranges`}
          />
        )}
        <DatePickerInput
          type="range"
          aria-label={t('dashboard.period.pick')}
          placeholder={t('dashboard.period.placeholder')}
          value={days}
          onChange={(v) => pick(v as DayRange)}
          presets={presets(new Date(), (key) => t(`dashboard.period.presets.${key}`))}
          valueFormat="D MMM YYYY"
          maxDate={localDay(new Date().toISOString())}
          allowSingleDateInRange
          miw={230}
          variant={bounds ? 'filled' : 'default'}
          // The default placeholder grey falls short of AA contrast on the dark wall theme.
          styles={{ placeholder: { color: 'var(--mantine-color-text)' } }}
          data-testid={`${testId}-dates`}
        />
      </Group>
    </Stack>
  );
}
