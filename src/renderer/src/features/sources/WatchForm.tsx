// Add or edit a watch: keywords, exclusions, languages, the sources and the accounts it is limited to. The staff
// preset follows the firm's declared staff accounts for the plan's crisis vocabulary.
import { Alert, Button, Group, MultiSelect, Stack, Switch, TagsInput, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Source } from '../../../../shared/domain/source';
import type { Watch } from '../../../../shared/domain/watch';
import { useSaveWatch } from '../../api/hooks/useListen';
import { usePlan } from '../../api/hooks/usePlan';
import { useWorkspaceId } from '../../app/WorkspaceContext';
import { errorMessage } from '../../i18n/errorMessage';

export function WatchForm({ watch, sources, onDone }: { watch?: Watch; sources: Source[]; onDone: () => void }) {
  const { t } = useTranslation();
  const workspaceId = useWorkspaceId();
  const save = useSaveWatch(workspaceId);
  const [name, setName] = useState(watch?.name ?? '');
  const [keywords, setKeywords] = useState<string[]>(watch?.keywords ?? []);
  const [exclusions, setExclusions] = useState<string[]>(watch?.exclusions ?? []);
  const [languages, setLanguages] = useState<string[]>(watch?.languages ?? []);
  const [authors, setAuthors] = useState<string[]>(watch?.authors ?? []);
  const plan = usePlan(workspaceId);
  const vocabulary = plan.data?.plan.thresholds.defaults.vocabulary;
  const staffPreset = (): void => {
    setName(t('watches.form.staffPresetName'));
    setKeywords([...new Set([...(vocabulary?.fr ?? []), ...(vocabulary?.en ?? [])])]);
  };
  const [sourceIds, setSourceIds] = useState<string[]>((watch?.sourceIds ?? []).map(String));
  const [enabled, setEnabled] = useState(watch?.enabled ?? true);
  const submit = () =>
    save.mutate(
      { id: watch?.id, watch: { name: name.trim(), keywords, exclusions, languages, authors, sourceIds: sourceIds.map(Number), enabled } },
      { onSuccess: onDone },
    );
  return (
    <Stack>
      {!watch && (
        <Group gap="xs">
          <Button size="xs" variant="light" onClick={staffPreset} disabled={!vocabulary} data-testid="watch-staff-preset">
            {t('watches.form.staffPreset')}
          </Button>
          <Text size="xs" c="dimmed">
            {t('watches.form.staffPresetHelp')}
          </Text>
        </Group>
      )}
      <TextInput label={t('watches.form.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} required data-testid="watch-name" />
      <TagsInput
        label={t('watches.form.keywords')}
        description={t('watches.form.keywordsHelp')}
        value={keywords}
        onChange={setKeywords}
        data-testid="watch-keywords"
      />
      <TagsInput label={t('watches.form.exclusions')} description={t('watches.form.exclusionsHelp')} value={exclusions} onChange={setExclusions} />
      <TagsInput
        label={t('watches.form.authors')}
        description={t('watches.form.authorsHelp')}
        placeholder={t('watches.allAuthors')}
        value={authors}
        onChange={setAuthors}
        data-testid="watch-authors"
      />
      <MultiSelect
        label={t('watches.form.languages')}
        data={[
          { value: 'fr', label: t('mentions.languages.fr') },
          { value: 'en', label: t('mentions.languages.en') },
        ]}
        value={languages}
        onChange={setLanguages}
        placeholder={t('watches.allLanguages')}
      />
      <MultiSelect
        label={t('watches.form.sources')}
        description={t('watches.form.sourcesHelp')}
        data={sources.map((s) => ({ value: String(s.id), label: s.name }))}
        value={sourceIds}
        onChange={setSourceIds}
        placeholder={t('watches.allSources')}
        searchable
      />
      <Switch label={t('watches.form.enabled')} checked={enabled} onChange={(e) => setEnabled(e.currentTarget.checked)} />
      <Text size="xs" c="dimmed">
        {t('watches.form.retroactive')}
      </Text>
      {save.error && <Alert color="red">{errorMessage(save.error, t)}</Alert>}
      <Group justify="flex-end">
        <Button variant="subtle" onClick={onDone}>
          {t('watches.form.cancel')}
        </Button>
        <Button onClick={submit} loading={save.isPending} disabled={!name.trim()} data-testid="watch-save">
          {t('watches.form.save')}
        </Button>
      </Group>
    </Stack>
  );
}
