import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ChecklistTab } from '../../../../src/renderer/src/features/incidents/ChecklistTab';
import { backend } from '../../support/fakeBackend';
import { checklistItem, incident, INCIDENT_ID } from '../../support/fixtures';
import { choose, click, type } from '../../support/interact';
import { renderInApp, t } from '../../support/render';

const actor = { author: 'Marie Durand', authorRole: 'crisisLead' };
const item = checklistItem();

describe('ChecklistTab', () => {
  it('ticks an item done, sets another status, and saves a note when the field is left', async () => {
    backend.reply('incidents:setChecklistItem', incident());
    renderInApp(<ChecklistTab detail={incident({ checklist: [item] })} actor={actor} />);
    click(screen.getByTestId('check-item-holding'));
    const text = item.text.en;
    await choose(screen.getByRole('combobox', { name: `${t('incidents.checklist.status')}${t('incidents.colon')}${text}` }), t('incidents.checklist.statuses.skipped'));
    const note = screen.getByRole('textbox', { name: `${t('incidents.checklist.note')}${t('incidents.colon')}${text}` });
    type(note, 'Fait par le juridique');
    fireEvent.blur(note);
    await waitFor(() => expect(backend.callCount('incidents:setChecklistItem')).toBe(3));
    const base = { workspaceId: 'live', incidentId: INCIDENT_ID, itemId: item.id, actor };
    expect(backend.sent('incidents:setChecklistItem')).toEqual([
      { ...base, status: 'done' },
      { ...base, status: 'skipped' },
      { ...base, status: 'todo', note: 'Fait par le juridique' },
    ]);
  });

  it('shows an overdue item and locks a closed incident’s checklist', () => {
    renderInApp(<ChecklistTab detail={incident({ status: 'closed', checklist: [checklistItem({ dueAt: '2020-01-01T00:00:00.000Z' })] })} actor={actor} />, {
      language: 'fr',
    });
    expect(screen.getByTestId('item-item-holding').dataset.overdue).toBe('true');
    expect(screen.getByText('En retard')).toBeTruthy();
    expect((screen.getByTestId('check-item-holding') as HTMLInputElement).disabled).toBe(true);
  });
});
