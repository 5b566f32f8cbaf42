import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ToneQueue } from '../../../../src/shared/domain/toneQueue';
import type { ToneBackend } from '../../../../src/shared/contract/detection';
import { ToneQueuePanel } from '../../../../src/renderer/src/features/detection/ToneQueuePanel';
import { useBackendEvents } from '../../../../src/renderer/src/api/useBackendEvents';
import { backend } from '../../support/fakeBackend';
import { click } from '../../support/interact';
import { renderInApp, t } from '../../support/render';

const item = (mentionId: number, text: string, uncertainty: number, lexicon = { score: 0, words: 0 }) => ({
  mentionId,
  text,
  language: 'fr',
  publishedAt: '2026-03-10T11:00:00.000Z',
  toneClass: 'neutral' as const,
  uncertainty,
  lexicon,
});
const queue = (items: ToneQueue['items'], basis: ToneQueue['basis'] = 'lexicon'): ToneQueue => ({
  basis,
  batchSize: 2,
  items,
  corrections: 12,
  minCorrections: 30,
});

/** The panel as the app mounts it: under the listener that turns pushed events into fresh reads. */
function PanelInApp() {
  useBackendEvents();
  return <ToneQueuePanel />;
}

const backendOf = (over: Partial<ToneBackend> = {}): ToneBackend => ({ kind: 'lexicon', folder: '/data/models/live/tone', languages: [], problem: null, ...over });

describe('Help the tone model', () => {
  it.each(['fr', 'en'] as const)('says, in %s, that a refused approved model leaves tone to the built-in scoring, and why', async (language) => {
    backend.on('tone:queue', () => queue([]));
    backend.on('tone:backend', () =>
      backendOf({
        problem: { code: 'UNAVAILABLE', message: 'the file model.onnx is not an ONNX model', wording: { key: 'detection.toneBackend.problems.notAModel', values: { file: 'model.onnx' } } },
      }),
    );
    renderInApp(<ToneQueuePanel />, { language });
    const alert = await screen.findByTestId('tone-backend-problem');
    const reason = t('detection.toneBackend.problems.notAModel', { file: 'model.onnx', lng: language });
    expect(alert.textContent).toContain(t('detection.toneBackend.fallback', { folder: '/data/models/live/tone', reason, lng: language }));
    expect(alert.textContent).toContain(language === 'fr' ? "le fichier model.onnx n'est pas un modèle ONNX" : 'the file model.onnx is not an ONNX model');
  });

  it('names the approved model while it scores', async () => {
    backend.on('tone:queue', () => queue([]));
    backend.on('tone:backend', () => backendOf({ kind: 'onnx', languages: ['fr', 'en'] }));
    renderInApp(<ToneQueuePanel />);
    expect((await screen.findByTestId('tone-backend')).textContent).toBe(t('detection.toneBackend.onnx', { folder: '/data/models/live/tone', languages: 'fr, en' }));
  });

  it('stores an answer as a tone correction, and the batch read again after it drops the answered post', async () => {
    let current = queue([item(41, 'Colis toujours au relais', 1), item(42, 'Bon, on verra demain', 0.9, { score: 0.1, words: 1 })]);
    backend.on('tone:queue', () => current);
    backend.on('tone:correct', ({ mentionId, toneClass }) => {
      current = queue(current.items.filter((i) => i.mentionId !== mentionId));
      return { mentionId, toneClass, previous: 'neutral', corrections: 13, modelSamples: 0 };
    });
    renderInApp(<ToneQueuePanel />, { language: 'fr' });
    expect(await screen.findByText('Colis toujours au relais')).toBeTruthy();
    expect(screen.getByTestId('tone-queue-basis').textContent).toBe(t('detection.toneQueue.byLexicon', { min: 30, count: 12 }));
    expect(screen.getByTestId('tone-queue-basis').textContent).toContain('à partir de 30 corrections (12 à ce jour)');
    expect(screen.getByTestId('tone-queue-progress').textContent).toBe('0 sur 2 répondues');
    // Before the model exists, no percentage (it would read 100 % for every post without a lexicon word): the lexicon's reading.
    expect(screen.getByTestId('tone-queue-doubt-41').textContent).toBe('Aucun mot connu du lexique');
    expect(screen.getByTestId('tone-queue-doubt-42').textContent).toBe('Score du lexique +0,10 sur 1 mot (0 est neutre)');
    expect(screen.getByTestId('tone-queue-item-41').textContent).not.toContain('%');
    click(screen.getByTestId('tone-queue-41-negative'));
    await waitFor(() => expect(screen.queryByTestId('tone-queue-item-41')).toBeNull());
    expect(backend.sent('tone:correct')).toEqual([{ workspaceId: 'live', mentionId: 41, toneClass: 'negative' }]);
    expect(screen.getByTestId('tone-queue-progress').textContent).toBe('1 sur 2 répondues');
  });

  it('follows the pushed mentions:changed when a post of the batch is corrected elsewhere, and says when nothing is left', async () => {
    let current = queue([item(41, 'Colis toujours au relais', 0.6)], 'model');
    backend.on('tone:queue', () => current);
    renderInApp(<PanelInApp />);
    expect(await screen.findByText('Colis toujours au relais')).toBeTruthy();
    expect(screen.getByTestId('tone-queue-basis').textContent).toBe(t('detection.toneQueue.byModel'));
    expect(screen.getByTestId('tone-queue-doubt-41').textContent).toBe('Uncertainty 60%');
    current = { ...queue([]), batchSize: 0 };
    backend.emit('mentions:changed', { workspaceId: 'live', sourceIds: [] });
    expect((await screen.findByTestId('tone-queue-empty')).textContent).toBe(t('detection.toneQueue.empty'));
    expect(backend.callCount('tone:queue')).toBe(2);
  });
});
