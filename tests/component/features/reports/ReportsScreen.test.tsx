import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ExportJob } from '../../../../src/shared/domain/report';
import { ReportsScreen } from '../../../../src/renderer/src/features/reports/ReportsScreen';
import { backend } from '../../support/fakeBackend';
import { incident, INCIDENT_ID, workspace } from '../../support/fixtures';
import { click } from '../../support/interact';
import { renderInApp, t } from '../../support/render';

const job: ExportJob = {
  jobId: '2c3d4e5f-6a7b-4c8d-9e0f-a1b2c3d4e5f6',
  workspaceId: 'live',
  incidentId: INCIDENT_ID,
  kind: 'report',
  state: 'running',
  progress: 0.1,
  stage: 'log',
  error: null,
  fileName: null,
  sizeBytes: null,
  pages: null,
};

function answerReads() {
  backend.reply('incidents:list', [incident()]);
  backend.reply('workspaces:get', workspace({ settings: { ...workspace().settings, reportLanguage: 'fr' } }));
  backend.reply('reports:reactions', []);
  backend.reply('reports:exportStatus', job);
}

describe('Reports screen', () => {
  it('generates the report of the first incident in the reader’s language, whatever the workspace’s, unless another is chosen', async () => {
    answerReads();
    backend.reply('reports:generate', job);
    renderInApp(<ReportsScreen />, { language: 'en' });
    const generate = await screen.findByTestId('generate-report');
    await waitFor(() => expect((screen.getByTestId('report-incident') as HTMLInputElement).value).toBe('Rappel de lots Acme'));
    click(generate);
    click(screen.getByRole('radio', { name: 'Français' }));
    click(generate);
    await waitFor(() =>
      expect(backend.sent('reports:generate')).toEqual([
        { workspaceId: 'live', incidentId: INCIDENT_ID, language: 'en', timeZone: expect.any(String) },
        { workspaceId: 'live', incidentId: INCIDENT_ID, language: 'fr', timeZone: expect.any(String) },
      ]),
    );
  });

  it.each([
    ['fr', 'Certaines valeurs ne sont pas valides. The archive’s crisis log chain is broken at record 4.'],
    ['en', 'Some values are not valid. The archive’s crisis log chain is broken at record 4.'],
  ] as const)('says in %s why an archive was refused', async (language, text) => {
    answerReads();
    backend.refuse('reports:importArchive', 'INVALID_INPUT', 'The archive’s crisis log chain is broken at record 4.');
    renderInApp(<ReportsScreen />, { language });
    await screen.findByRole('button', { name: t('reports.importArchive') });
    fireEvent.change(document.querySelector('input[type="file"]')!, { target: { files: [new File(['{"format":"x"}'], 'archive.json')] } });
    expect(await screen.findByText(text)).toBeTruthy();
    expect(backend.sent('reports:importArchive')).toEqual([{ workspaceId: 'live', content: '{"format":"x"}' }]);
  });
});
