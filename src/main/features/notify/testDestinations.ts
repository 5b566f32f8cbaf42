// An exercise's test destinations: stored rows to the screen's shape and back, and the route a message of the
// exercise takes instead of the person's real contacts.
import type { NotifyChannel, NotifySettings, TestDestinations } from '../../../shared/domain/notify';
import type { Person } from '../../../shared/domain/plan';
import type { TestDestinationRow } from './notifyRepository';

const CATCH_ALL = '*';
const DEFAULT_CHANNELS: readonly NotifyChannel[] = ['sms', 'email'];

export function destinationsOf(rows: readonly TestDestinationRow[]): TestDestinations {
  const toView = (r: TestDestinationRow) => ({ email: r.email, sms: r.phone, messenger: r.messenger });
  const all = rows.find((r) => r.personId === CATCH_ALL);
  return {
    catchAll: all ? toView(all) : { email: '', sms: '', messenger: '' },
    people: rows.filter((r) => r.personId !== CATCH_ALL).map((r) => ({ personId: r.personId, person: r.personName, ...toView(r) })),
  };
}

export function destinationRows(destinations: TestDestinations): TestDestinationRow[] {
  const row = (personId: string, personName: string, d: TestDestinations['catchAll']) => ({ personId, personName, email: d.email, phone: d.sms, messenger: d.messenger });
  const people = new Map(destinations.people.map((p) => [p.personId, row(p.personId, p.person, p)]));
  return [row(CATCH_ALL, '', destinations.catchAll), ...people.values()].filter((r) => r.email || r.phone || r.messenger);
}

/**
 * The person's preferred channels, each to the test address given for that person (found by their id, whatever
 * their name now is) or else to the catch-all, on a
 * configured transport. Never the person's own address: with no test address the exercise sends nothing.
 */
export function testRouteFor(
  person: Person,
  destinations: TestDestinations,
  settings: NotifySettings,
  after?: NotifyChannel,
): { channel: NotifyChannel; address: string } | null {
  const own = person.id === undefined ? undefined : destinations.people.find((p) => p.personId === person.id);
  const channels = person.channels ?? DEFAULT_CHANNELS;
  const preferred = [...channels, ...(['email', 'sms', 'messenger'] as const).filter((c) => !channels.includes(c))];
  const order = after ? preferred.slice(preferred.indexOf(after) + 1) : preferred;
  for (const channel of order) {
    const address = own?.[channel] || destinations.catchAll[channel];
    if (address && settings[channel]) return { channel, address };
  }
  return null;
}
