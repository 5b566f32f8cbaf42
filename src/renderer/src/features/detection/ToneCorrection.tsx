// Lets an analyst set a mention's tone; corrections train the workspace's local tone model.
import { Group, SegmentedControl, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { StoredMention, ToneClass } from '../../../../shared/domain/storedMention';
import { useCorrectTone } from '../../api/hooks/useDetection';
import { useWorkspaceId } from '../../app/WorkspaceContext';

/** Mirrors the backend's MIN_CORRECTIONS: below it the lexicon alone scores tone. */
const MODEL_MIN_CORRECTIONS = 30;

export function ToneCorrection({ mention }: { mention: StoredMention }) {
  const { t } = useTranslation();
  const correct = useCorrectTone(useWorkspaceId());
  const tones: ToneClass[] = ['negative', 'neutral', 'positive'];
  return (
    <Group gap="sm" data-testid="tone-correction">
      <Text size="sm" fw={600}>
        {t('detection.tone.correct')}
      </Text>
      <SegmentedControl
        size="xs"
        value={correct.data?.toneClass ?? mention.toneClass ?? ''}
        onChange={(value) => correct.mutate({ mentionId: mention.id, toneClass: value as ToneClass })}
        data={tones.map((tone) => ({ value: tone, label: t(`mentions.tones.${tone}`) }))}
        disabled={correct.isPending}
      />
      {correct.data && (
        <Text size="xs" c="dimmed" data-testid="tone-corrected">
          {t('detection.tone.corrected')} — {t('detection.tone.modelNote', { count: correct.data.corrections, min: MODEL_MIN_CORRECTIONS })}
        </Text>
      )}
    </Group>
  );
}
