// The stream's filters: full-text search, watch, source, language, tone, minimum audience and period.
import { Group, NumberInput, Select, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Source } from '../../../../shared/domain/source';
import type { MentionFilter } from '../../../../shared/domain/storedMention';
import type { Watch } from '../../../../shared/domain/watch';
import { PeriodPicker, type Bounds } from '../../components/PeriodPicker';

export const PERIODS = { hour: 3600, day: 86_400, week: 7 * 86_400, month: 30 * 86_400, all: 0 } as const;
export type Period = keyof typeof PERIODS;

export interface FilterState {
  readonly query: string;
  readonly watchId: string | null;
  readonly sourceId: string | null;
  readonly language: string | null;
  readonly tone: string | null;
  readonly minAudience: number | '';
  readonly period: Period;
}

export const EMPTY_FILTERS: FilterState = { query: '', watchId: null, sourceId: null, language: null, tone: null, minAudience: '', period: 'all' };

/**
 * The UI state → the contract filter; a relative period is turned into a start time when the filter is applied,
 * an absolute one (from the hash, shared with the other screens) is taken as it is.
 */
export function toMentionFilter(f: FilterState, now: number, bounds: Bounds | null = null): MentionFilter {
  const seconds = PERIODS[f.period];
  return {
    query: f.query.trim() || undefined,
    watchId: f.watchId ? Number(f.watchId) : undefined,
    sourceId: f.sourceId ? Number(f.sourceId) : undefined,
    language: f.language ?? undefined,
    tone: (f.tone as MentionFilter['tone']) ?? undefined,
    minAudience: f.minAudience === '' ? undefined : f.minAudience,
    from: bounds ? bounds.from : seconds ? new Date(now - seconds * 1000).toISOString() : undefined,
    to: bounds?.to,
  };
}

export function MentionFilters({
  value,
  onChange,
  watches,
  sources,
  bounds,
  onBounds,
}: {
  value: FilterState;
  onChange: (next: FilterState) => void;
  watches: Watch[];
  sources: Source[];
  /** An absolute period, shared with the other screens through the hash; null for the relative choices. */
  bounds: Bounds | null;
  onBounds: (bounds: Bounds | null) => void;
}) {
  const { t } = useTranslation();
  const [query, setQuery] = useState(value.query);
  const [debounced] = useDebouncedValue(query, 300);
  useEffect(() => {
    if (debounced !== value.query) onChange({ ...value, query: debounced });
  }, [debounced, value, onChange]);
  const set = (patch: Partial<FilterState>) => onChange({ ...value, ...patch });
  return (
    <Group align="flex-end" gap="sm">
      <TextInput
        label={t('mentions.search')}
        placeholder={t('mentions.searchPlaceholder')}
        leftSection={<IconSearch size={16} />}
        value={query}
        onChange={(e) => setQuery(e.currentTarget.value)}
        w={220}
        data-testid="mentions-search"
      />
      <Select
        label={t('mentions.watch')}
        placeholder={t('mentions.any')}
        data={watches.map((w) => ({ value: String(w.id), label: w.name }))}
        value={value.watchId}
        onChange={(v) => set({ watchId: v })}
        clearable
        w={150}
        data-testid="mentions-watch"
      />
      <Select
        label={t('mentions.source')}
        placeholder={t('mentions.any')}
        data={sources.map((s) => ({ value: String(s.id), label: s.name }))}
        value={value.sourceId}
        onChange={(v) => set({ sourceId: v })}
        clearable
        searchable
        w={170}
      />
      <Select
        label={t('mentions.language')}
        placeholder={t('mentions.any')}
        data={(['fr', 'en', 'und'] as const).map((l) => ({ value: l, label: t(`mentions.languages.${l}`) }))}
        value={value.language}
        onChange={(v) => set({ language: v })}
        clearable
        w={120}
      />
      <Select
        label={t('mentions.tone')}
        placeholder={t('mentions.any')}
        data={(['negative', 'neutral', 'positive', 'none'] as const).map((k) => ({ value: k, label: t(`mentions.tones.${k}`) }))}
        value={value.tone}
        onChange={(v) => set({ tone: v })}
        clearable
        w={130}
      />
      <NumberInput
        label={t('mentions.minAudience')}
        min={0}
        step={1000}
        thousandSeparator=" "
        value={value.minAudience}
        onChange={(v) => set({ minAudience: typeof v === 'number' ? v : '' })}
        w={140}
      />
      {/* One period control: the relative choices beside the dates, the dates shared with the other screens. */}
      <PeriodPicker
        ranges={(Object.keys(PERIODS) as Period[]).map((p) => ({ value: p, label: t(`mentions.periods.${p}`) }))}
        range={value.period}
        onRange={(period) => {
          onBounds(null);
          set({ period });
        }}
        bounds={bounds}
        onBounds={onBounds}
        testId="mentions-dates"
      />
    </Group>
  );
}
