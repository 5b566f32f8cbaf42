// "Help the tone model": the analyst labels the posts the tone classifier is least sure of, 20 at a time; each
// answer is a correction that retrains the workspace's local model.
import { Alert, Badge, Button, Card, Group, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ToneClass } from '../../../../shared/domain/storedMention';
import type { ToneQueue, ToneQueueItem } from '../../../../shared/domain/toneQueue';
import { useCorrectTone, useToneBackend, useToneQueue } from '../../api/hooks/useDetection';
import { useWorkspaceId } from '../../app/WorkspaceContext';
import { QueryState } from '../../components/QueryState';
import { errorMessage, wordedText } from '../../i18n/errorMessage';
import { formatDateTime } from '../../i18n/format';
import { TONE_COLORS } from '../mentions/MentionCard';

const TONES: ToneClass[] = ['negative', 'neutral', 'positive'];

export function ToneQueuePanel() {
  const { t } = useTranslation();
  const queue = useToneQueue(useWorkspaceId());
  return (
    <Stack data-testid="tone-queue">
      <ToneBackendNote />
      <Text size="sm" c="dimmed">
        {t('detection.toneQueue.intro')}
      </Text>
      <QueryState query={queue}>
        {(q) => (
          <>
            <Text size="sm" data-testid="tone-queue-basis">
              {q.basis === 'model' ? t('detection.toneQueue.byModel') : t('detection.toneQueue.byLexicon', { count: q.corrections, min: q.minCorrections })}
            </Text>
            {q.items.length === 0 ? (
              <Text c="dimmed" data-testid="tone-queue-empty">
                {t('detection.toneQueue.empty')}
              </Text>
            ) : (
              <>
                <Stack gap={4}>
                  <Text size="sm" fw={600} data-testid="tone-queue-progress">
                    {t('detection.toneQueue.progress', { answered: q.batchSize - q.items.length, size: q.batchSize })}
                  </Text>
                  <Progress value={(100 * (q.batchSize - q.items.length)) / q.batchSize} size="sm" aria-hidden />
                </Stack>
                {q.items.map((item) => (
                  <QueueItem key={item.mentionId} item={item} basis={q.basis} />
                ))}
              </>
            )}
          </>
        )}
      </QueryState>
    </Stack>
  );
}

/** Which scorer tones the posts; when the approved model in the workspace's folder is refused, why, and that tone goes on without it. */
function ToneBackendNote() {
  const { t } = useTranslation();
  const backend = useToneBackend(useWorkspaceId()).data;
  if (!backend) return null;
  if (backend.problem) {
    const { message, wording } = backend.problem;
    return (
      <Alert color="orange" title={t('detection.toneBackend.title')} data-testid="tone-backend-problem">
        {t('detection.toneBackend.fallback', { folder: backend.folder, reason: wordedText(message, wording, t) })}
      </Alert>
    );
  }
  return (
    <Text size="sm" data-testid="tone-backend">
      {backend.kind === 'onnx' ? t('detection.toneBackend.onnx', { folder: backend.folder, languages: backend.languages.join(', ') }) : t(`detection.toneBackend.${backend.kind}`)}
      {backend.kind !== 'onnx' && backend.folder ? ` ${t('detection.toneBackend.placeModel', { folder: backend.folder })}` : ''}
    </Text>
  );
}

/**
 * Before the local model exists the lexicon chose the post: its score and how close it sits to neutral say why,
 * where a percentage would read 100 % for every post without a lexicon word.
 */
function Doubt({ item, basis }: { item: ToneQueueItem; basis: ToneQueue['basis'] }) {
  const { t, i18n } = useTranslation();
  if (basis === 'model') return <>{t('detection.toneQueue.uncertainty', { percent: Math.round(item.uncertainty * 100) })}</>;
  if (item.lexicon.words === 0) return <>{t('detection.toneQueue.noLexiconWord')}</>;
  const score = new Intl.NumberFormat(i18n.language, { signDisplay: 'exceptZero', maximumFractionDigits: 2, minimumFractionDigits: 2 }).format(item.lexicon.score);
  return <>{t('detection.toneQueue.lexiconScore', { score, count: item.lexicon.words })}</>;
}

function QueueItem({ item, basis }: { item: ToneQueueItem; basis: ToneQueue['basis'] }) {
  const { t, i18n } = useTranslation();
  const correct = useCorrectTone(useWorkspaceId());
  return (
    <Card withBorder padding="sm" data-testid={`tone-queue-item-${item.mentionId}`}>
      <Stack gap="xs">
        <Text size="sm" lineClamp={6} style={{ whiteSpace: 'pre-line' }}>
          {item.text}
        </Text>
        <Group gap="xs">
          <Text size="xs" c="dimmed">
            {formatDateTime(item.publishedAt, i18n.language)}
          </Text>
          {item.language && (
            <Badge size="xs" variant="outline">
              {item.language}
            </Badge>
          )}
          <Badge size="xs" variant="light" color={TONE_COLORS[item.toneClass]}>
            {t('detection.toneQueue.current', { tone: t(`mentions.tones.${item.toneClass}`) })}
          </Badge>
          <Text size="xs" c="dimmed" data-testid={`tone-queue-doubt-${item.mentionId}`}>
            <Doubt item={item} basis={basis} />
          </Text>
        </Group>
        <Group gap="xs" role="group" aria-label={t('detection.toneQueue.answer')}>
          {TONES.map((tone) => (
            <Button
              key={tone}
              size="xs"
              variant="light"
              color={TONE_COLORS[tone]}
              loading={correct.isPending && correct.variables.toneClass === tone}
              disabled={correct.isPending || correct.isSuccess}
              onClick={() => correct.mutate({ mentionId: item.mentionId, toneClass: tone })}
              data-testid={`tone-queue-${item.mentionId}-${tone}`}
            >
              {t(`mentions.tones.${tone}`)}
            </Button>
          ))}
        </Group>
        {correct.isError && (
          <Alert color="red" role="alert">
            {errorMessage(correct.error, t)}
          </Alert>
        )}
      </Stack>
    </Card>
  );
}
