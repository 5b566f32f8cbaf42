import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AlertActions } from '../../../../src/renderer/src/features/detection/AlertActions';
import { LevelBanner } from '../../../../src/renderer/src/features/detection/LevelBanner';
import { DetectionSettingsPanel } from '../../../../src/renderer/src/features/detection/DetectionSettingsPanel';
import { ToneCorrection } from '../../../../src/renderer/src/features/detection/ToneCorrection';
import { backend } from '../../support/fakeBackend';
import { alert, AT, plan, watch } from '../../support/fixtures';
import { click, isDisabled, type } from '../../support/interact';
import { renderInApp, t } from '../../support/render';

const defaults = plan().thresholds.defaults;

function answerSettings() {
  backend.reply('watches:list', [watch({ id: 7, name: 'Acme' })]);
  backend.reply('detection:getSettings', { watchId: 7, origin: 'plan', settings: defaults });
}

describe('Detection thresholds form', () => {
  it('saves the watch’s own thresholds, starting from the plan’s', async () => {
    answerSettings();
    backend.on('detection:saveSettings', ({ watchId, settings }) => ({ watchId, origin: 'watch', settings }));
    renderInApp(<DetectionSettingsPanel />);
    expect((await screen.findByTestId('detection-origin')).textContent).toBe(t('detection.settings.origin.plan'));
    type(screen.getByTestId('detection-audience'), '250000');
    type(screen.getByRole('textbox', { name: t('detection.settings.minMentionsPerHour') }), '25');
    click(screen.getByTestId('detection-save'));
    expect(await screen.findByText(t('detection.settings.saved'))).toBeTruthy();
    expect(backend.sent('detection:saveSettings')).toEqual([
      { workspaceId: 'live', watchId: 7, settings: { ...defaults, influentialAudience: 250_000, minMentionsPerHour: 25 } },
    ]);
  });

  it.each([
    ['fr', 'Certaines valeurs ne sont pas valides. Invalid input for detection:saveSettings.'],
    ['en', 'Some values are not valid. Invalid input for detection:saveSettings.'],
  ] as const)('says in %s why thresholds were refused', async (language, text) => {
    answerSettings();
    backend.expectInvalidInput('detection:saveSettings');
    renderInApp(<DetectionSettingsPanel />, { language });
    await screen.findByTestId('detection-origin');
    type(screen.getAllByRole('textbox', { name: t('detection.level.alert') })[0]!, '0');
    click(screen.getByTestId('detection-save'));
    expect((await screen.findByRole('alert')).textContent).toBe(text);
    expect(screen.queryByText(t('detection.settings.saved'))).toBeNull();
  });

  it('asks to create a watch first when there is none', async () => {
    backend.reply('watches:list', []);
    renderInApp(<DetectionSettingsPanel />, { language: 'fr' });
    expect(await screen.findByText('Créez une veille dans Sources pour régler ses seuils.')).toBeTruthy();
  });
});

describe('Alert actions', () => {
  it('acknowledges an open alert', async () => {
    backend.reply('detection:acknowledgeAlert', alert({ status: 'acknowledged' }));
    renderInApp(<AlertActions alert={alert({ id: 31 })} />);
    click(screen.getByTestId('alert-ack-31'));
    await waitFor(() => expect(backend.sent('detection:acknowledgeAlert')).toEqual([{ workspaceId: 'live', alertId: 31 }]));
  });

  it('dismisses only with a reason', async () => {
    backend.reply('detection:dismissAlert', alert({ status: 'dismissed' }));
    renderInApp(<AlertActions alert={alert({ id: 31, status: 'acknowledged' })} />);
    expect(screen.queryByTestId('alert-ack-31')).toBeNull();
    click(screen.getByTestId('alert-dismiss-31'));
    const confirm = screen.getByTestId('alert-dismiss-confirm-31');
    type(screen.getByTestId('alert-reason-31'), '   ');
    expect(isDisabled(confirm)).toBe(true);
    type(screen.getByTestId('alert-reason-31'), 'Match sur un homonyme');
    click(confirm);
    await waitFor(() => expect(backend.sent('detection:dismissAlert')).toEqual([{ workspaceId: 'live', alertId: 31, reason: 'Match sur un homonyme' }]));
  });

  it('offers only its incident on a dismissed alert', () => {
    const { container } = renderInApp(<AlertActions alert={alert({ id: 31, status: 'dismissed' })} />);
    expect(within(container).getAllByRole('button').map((b) => b.textContent)).toEqual([t('incidents.alerts.openIncident')]);
  });
});

describe('Tone correction', () => {
  it('sends the tone chosen and says how many corrections the model has', async () => {
    backend.on('tone:correct', ({ mentionId, toneClass }) => ({ mentionId, toneClass, previous: 'neutral', corrections: 12, modelSamples: 12 }));
    const mention = {
      id: 55,
      sourceId: 1,
      sourceKind: 'rss' as const,
      sourceName: 'Le Monde',
      sourceLabel: 'Le Monde',
      externalId: 'x',
      url: null,
      canonicalUrl: null,
      author: { handle: null, displayName: null, audience: null, kind: 'media' as const, verified: null },
      hashtags: [],
      title: null,
      text: 'Acme rappelle des lots.',
      language: 'fr',
      publishedAt: AT,
      fetchedAt: AT,
      engagement: { likes: null, shares: null, replies: null },
      replyToExternalId: null,
      toneClass: 'neutral' as const,
      toneScore: 0,
      toneCorrected: false,
      agencyTone: null,
      watchIds: [7],
    };
    renderInApp(<ToneCorrection mention={mention} />);
    click(screen.getByRole('radio', { name: t('mentions.tones.negative') }));
    expect((await screen.findByTestId('tone-corrected')).textContent).toContain('12');
    expect(backend.sent('tone:correct')).toEqual([{ workspaceId: 'live', mentionId: 55, toneClass: 'negative' }]);
  });
});

describe('Level banner', () => {
  const watchLevel = (watchId: number, watchName: string, level: 'calm' | 'alert', since: string | null) => ({ watchId, watchName, level, since, alert: null, signals: [] });

  it('names the watch the backend put first and says how many others share its level', async () => {
    backend.reply('detection:overview', {
      level: 'alert',
      watches: [watchLevel(2, 'Banque Léman', 'alert', '2026-03-01T10:05:00.000Z'), watchLevel(1, 'Assurance du Léman', 'alert', '2026-03-01T09:00:00.000Z'), watchLevel(3, 'Cafés', 'calm', null)],
    });
    renderInApp(<LevelBanner />, { language: 'fr' });
    await waitFor(() => expect(screen.getByTestId('level-banner').textContent).toContain('Banque Léman'));
    expect(screen.getByTestId('level-others').textContent).toBe(t('detection.banner.others', { count: 1 }));
    expect(screen.getByTestId('level-others').getAttribute('href')).toBe('#/alerts');
  });
});
