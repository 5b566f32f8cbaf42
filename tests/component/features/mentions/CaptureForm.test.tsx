import { screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CaptureForm } from '../../../../src/renderer/src/features/mentions/CaptureForm';
import { backend } from '../../support/fakeBackend';
import { choose, click, isDisabled, type } from '../../support/interact';
import { renderInApp, t } from '../../support/render';

const NOW = new Date('2025-03-14T09:30:42.000Z');
const textbox = (key: string) => screen.getByRole('textbox', { name: t(`mentions.captureForm.${key}`) });
const save = () => screen.getByRole('button', { name: t('mentions.captureForm.save') });

describe('CaptureForm', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
  });
  afterEach(() => vi.useRealTimers());

  it('needs an outlet and what was said', () => {
    renderInApp(<CaptureForm onDone={() => {}} />);
    expect(isDisabled(save())).toBe(true);
    type(textbox('outlet'), 'France 2');
    expect(isDisabled(save())).toBe(true);
    type(textbox('text'), '   ');
    expect(isDisabled(save())).toBe(true);
    type(textbox('text'), 'Le PDG refuse de commenter.');
    expect(isDisabled(save())).toBe(false);
  });

  it('logs the mention at the current minute, in the reader’s language, with what was filled in', async () => {
    backend.reply('mentions:capture', { id: 12, duplicate: false });
    const onDone = vi.fn();
    renderInApp(<CaptureForm onDone={onDone} />, { language: 'fr' });
    await choose(screen.getByRole('combobox', { name: t('mentions.captureForm.channel') }), t('mentions.captureForm.channels.tv'));
    type(textbox('outlet'), ' France 2, JT de 20 h ');
    type(textbox('authorName'), 'Anne Martin');
    type(textbox('audience'), '4500000');
    type(textbox('text'), ' Le rappel de lots est évoqué en ouverture. ');
    click(save());
    await waitFor(() => expect(onDone).toHaveBeenCalledOnce());
    expect(backend.sent('mentions:capture')).toEqual([
      {
        workspaceId: 'live',
        capture: {
          channel: 'tv',
          outlet: 'France 2, JT de 20 h',
          authorName: 'Anne Martin',
          authorKind: 'journalist',
          audience: 4_500_000,
          language: 'fr',
          occurredAt: '2025-03-14T09:30:00.000Z',
          text: 'Le rappel de lots est évoqué en ouverture.',
        },
      },
    ]);
    expect(await screen.findByText('Mention enregistrée')).toBeTruthy();
  });

  it.each([
    ['fr', 'Certaines valeurs ne sont pas valides. Invalid input for mentions:capture.'],
    ['en', 'Some values are not valid. Invalid input for mentions:capture.'],
  ] as const)('leaves a link the contract refuses to the backend and shows its refusal in %s', async (language, text) => {
    backend.expectInvalidInput('mentions:capture');
    const onDone = vi.fn();
    renderInApp(<CaptureForm onDone={onDone} />, { language });
    type(textbox('outlet'), 'Instagram');
    type(textbox('text'), 'Photo of the recalled batch');
    type(textbox('url'), 'javascript:alert(1)');
    click(save());
    expect((await screen.findByRole('alert')).textContent).toBe(text);
    expect(backend.sent('mentions:capture')[0]?.capture.url).toBe('javascript:alert(1)');
    expect(onDone).not.toHaveBeenCalled();
  });
});
