// Stored objects as the backend returns them, valid against the contract; each test overrides what it is about.
import type { Source } from '../../../src/shared/domain/source';
import type { Watch } from '../../../src/shared/domain/watch';
import type { Workspace } from '../../../src/shared/domain/workspace';

export const AT = '2025-03-14T09:30:00.000Z';

export const workspace = (overrides: Partial<Workspace> = {}): Workspace => ({
  id: 'live',
  kind: 'live',
  createdAt: AT,
  settings: { displayName: 'Cellule de crise', organisation: 'Acme', reportLanguage: 'fr', statusMeetingHours: 2, sealed: false, backupHours: 24 },
  ...overrides,
});

export const source = (overrides: Partial<Source> = {}): Source => ({
  id: 1,
  kind: 'rss',
  name: 'Le Monde',
  config: { url: 'https://www.lemonde.fr/rss/une.xml' },
  credentialKeys: [],
  intervalSeconds: 600,
  paused: false,
  createdAt: AT,
  health: {
    state: 'ok',
    lastAttemptAt: AT,
    lastSuccessAt: AT,
    lastError: null,
    lastErrorMessage: null,
    lastErrorAt: null,
    consecutiveFailures: 0,
    nextAttemptAt: null,
    lagSeconds: null,
    itemsLastHour: 0,
  },
  ...overrides,
});

export const watch = (overrides: Partial<Watch> = {}): Watch => ({
  id: 7,
  name: 'Acme',
  keywords: ['acme'],
  exclusions: [],
  languages: [],
  sourceIds: [],
  enabled: true,
  createdAt: AT,
  updatedAt: AT,
  ...overrides,
});
