// Add or edit a watch: keywords, exclusions, languages and the sources it is limited to.
import { Alert, Button, Group, MultiSelect, Stack, Switch, TagsInput, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Source } from '../../../../shared/domain/source';
import type { Watch } from '../../../../shared/domain/watch';
import { useSaveWatch } from '../../api/hooks/useListen';
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
  const [sourceIds, setSourceIds] = useState<string[]>((watch?.sourceIds ?? []).map(String));
  const [enabled, setEnabled] = useState(watch?.enabled ?? true);
  const submit = () =>
    save.mutate(
      { id: watch?.id, watch: { name: name.trim(), keywords, exclusions, languages, sourceIds: sourceIds.map(Number), enabled } },
      { onSuccess: onDone },
    );
  return (
    <Stack>
      <TextInput label={t('watches.form.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} required data-testid="watch-name" />
      <TagsInput
        label={t('watches.form.keywords')}
        description={t('watches.form.keywordsHelp')}
        value={keywords}
        onChange={setKeywords}
        data-testid="watch-keywords"
      />
      <TagsInput label={t('watches.form.exclusions')} description={t('watches.form.exclusionsHelp')} value={exclusions} onChange={setExclusions} />
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
