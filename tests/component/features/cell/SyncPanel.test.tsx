// While sync is on, the Cell screen lists the cell's laptops found on the network: a member by its name, a laptop the
// cell does not know yet as unknown, in French and in English.
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SyncPanel } from '../../../../src/renderer/src/features/cell/SyncPanel';
import type { Member } from '../../../../src/shared/contract/cell';
import { renderInApp } from '../../support/render';

const bob: Member = {
  deviceId: 'b'.repeat(32),
  name: 'Bob',
  roles: [],
  personName: null,
  joinedAt: '2026-03-10T08:00:00.000Z',
  revokedAt: null,
  addresses: ['192.168.1.20:7700'],
  relay: false,
  self: false,
  online: true,
  lastContact: '2026-03-10T09:00:00.000Z',
  waitingChanges: 0,
};

const discovered = [
  { deviceId: bob.deviceId, address: '192.168.1.21:7700', foundAt: '2026-03-10T09:00:00.000Z', member: true },
  { deviceId: 'c'.repeat(32), address: '192.168.1.30:7700', foundAt: '2026-03-10T09:00:01.000Z', member: false },
];

describe('sync panel', () => {
  it.each([
    ['fr', 'Trouvés sur le réseau', 'Bob à 192.168.1.21:7700', 'Ordinateur inconnu cccccccc'],
    ['en', 'Found on the network', 'Bob at 192.168.1.21:7700', 'Unknown laptop cccccccc'],
  ] as const)('lists the laptops found on the network in %s', (language, title, member, stranger) => {
    renderInApp(<SyncPanel listening={{ host: '192.168.1.10', port: 7700 }} interfaces={[]} discovered={discovered} members={[bob]} />, { language });
    expect(screen.getByTestId('cell-found').textContent).toContain(title);
    const rows = screen.getAllByTestId('cell-found-laptop').map((row) => row.textContent ?? '');
    expect(rows[0]).toBe(member);
    expect(rows[1]).toContain(stranger);
  });

  it('says when nothing was found yet, and shows nothing of it while sync is off', () => {
    const { unmount } = renderInApp(<SyncPanel listening={{ host: '192.168.1.10', port: 7700 }} interfaces={[]} discovered={[]} members={[]} />, { language: 'en' });
    expect(screen.getByTestId('cell-found').textContent).toContain('No other laptop of this cell found on the network yet.');
    unmount();
    renderInApp(<SyncPanel listening={null} interfaces={[]} discovered={[]} members={[]} />, { language: 'en' });
    expect(screen.queryByTestId('cell-found')).toBeNull();
  });
});
