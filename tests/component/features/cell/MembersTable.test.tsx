// The Cell screen names a relay as such, in French and in English, and no person's laptop as one.
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { MembersTable } from '../../../../src/renderer/src/features/cell/MembersTable';
import type { Member } from '../../../../src/shared/contract/cell';
import { renderInApp } from '../../support/render';

const member = (deviceId: string, name: string, relay: boolean, self = false): Member => ({
  deviceId: deviceId.repeat(32),
  name,
  roles: [],
  personName: null,
  joinedAt: '2026-03-10T08:00:00.000Z',
  revokedAt: null,
  addresses: ['127.0.0.1:7700'],
  relay,
  self,
  online: true,
  lastContact: '2026-03-10T09:00:00.000Z',
  waitingChanges: 0,
});

const members = [member('a', 'Alice', false, true), member('b', 'Salle serveurs', true), member('c', 'Bob', false)];

describe('members table', () => {
  it.each([
    ['fr', 'relais'],
    ['en', 'relay'],
  ] as const)('marks the relay in %s', (language, word) => {
    renderInApp(<MembersTable members={members} waitingChanges={0} />, { language });
    const relays = screen.getAllByTestId('cell-member').filter((row) => row.getAttribute('data-relay') === 'true');
    expect(relays.map((row) => row.getAttribute('data-name'))).toEqual(['Salle serveurs']);
    expect(screen.getAllByTestId('cell-member-relay').map((badge) => badge.textContent)).toEqual([word]);
  });
});
