// The RETEX timings are computed from what was recorded, each "not reached" (null) when its end point is missing.
import { describe, expect, it } from 'vitest';
import type { Alert } from '../../../../../src/shared/domain/detection';
import type { IncidentDetail } from '../../../../../src/shared/domain/incident';
import type { ResponseItem } from '../../../../../src/shared/domain/responseQueue';
import type { StatementDetail } from '../../../../../src/shared/domain/statement';
import { retexTimings } from '../../../../../src/main/features/lessons/retexTimings';

const OPEN = Date.UTC(2026, 2, 10, 9, 0);
const iso = (minutesAfterOpen: number) => new Date(OPEN + minutesAfterOpen * 60_000).toISOString();

function incident(over: Partial<IncidentDetail> = {}): IncidentDetail {
  return {
    openedAt: iso(0),
    scope: { watchIds: [3], start: iso(-120), end: null },
    alert: null,
    mobilisation: null,
    ...over,
  } as IncidentDetail;
}
const alert = (watchId: number, openedAt: string, closedAt: string | null = null) => ({ watchId, openedAt, closedAt }) as Alert;
const published = (...at: (string | null)[]) =>
  ({ outbox: at.map((publishedAt) => ({ state: publishedAt ? 'published' : 'failed', publishedAt })) }) as unknown as StatementDetail;
const response = (reason: ResponseItem['reason'], state: ResponseItem['state'], handledAt: string | null) => ({ reason, state, handledAt }) as ResponseItem;

describe('RETEX timings', () => {
  it('measures detection, mobilisation, first statement and first answer to critics from the recorded times', () => {
    const timings = retexTimings({
      incident: incident({
        mobilisation: {
          id: '0b0b7a7e-3c1f-4a53-9a55-2f0c6e1f6a10',
          startedAt: iso(4),
          startedBy: 'Léa',
          people: [],
          calls: [
            { roleId: 'crisisLead', personId: null, personName: 'A', phone: '1', alertedAt: iso(4), acknowledgedAt: iso(9) },
            { roleId: 'legal', personId: null, personName: 'B', phone: '2', alertedAt: iso(4), acknowledgedAt: iso(31) },
          ],
        },
      }),
      alerts: [
        alert(3, iso(-47)),
        alert(3, iso(-30)),
        // Another watch, an episode closed before the incident's period, and an alert after the opening do not count.
        alert(8, iso(-90)),
        alert(3, iso(-300), iso(-200)),
        alert(3, iso(20)),
      ],
      statements: [published(iso(95), null), published(iso(62))],
      responses: [
        response('question', 'answered', iso(40)),
        response('complaint', 'dismissed', iso(41)),
        response('complaint', 'offline', iso(88)),
        response('complaint', 'answered', iso(130)),
      ],
    });
    expect(timings).toEqual({
      detection: { from: iso(-47), at: iso(0), minutes: 47 },
      mobilisation: { from: iso(0), at: iso(31), minutes: 31 },
      firstStatement: { from: iso(0), at: iso(62), minutes: 62 },
      firstAnswerToCritics: { from: iso(0), at: iso(88), minutes: 88 },
    });
  });

  it('says "not reached" when the data has no end point', () => {
    const timings = retexTimings({
      incident: incident({
        mobilisation: {
          id: '0b0b7a7e-3c1f-4a53-9a55-2f0c6e1f6a10',
          startedAt: iso(4),
          startedBy: 'Léa',
          people: [],
          calls: [
            { roleId: 'crisisLead', personId: null, personName: 'A', phone: '1', alertedAt: iso(4), acknowledgedAt: iso(9) },
            { roleId: 'legal', personId: null, personName: 'B', phone: '2', alertedAt: iso(4), acknowledgedAt: null },
          ],
        },
      }),
      alerts: [alert(8, iso(-10))],
      statements: [published(null)],
      responses: [response('complaint', 'open', null), response('question', 'answered', iso(5))],
    });
    const notReached = (from: string | null) => ({ from, at: null, minutes: null });
    expect(timings).toEqual({
      detection: notReached(null),
      mobilisation: notReached(iso(0)),
      firstStatement: notReached(iso(0)),
      firstAnswerToCritics: notReached(iso(0)),
    });
  });

  it('takes the alert the incident was opened from when detection kept no other', () => {
    const timings = retexTimings({
      incident: incident({ alert: { alertId: '12', raisedAt: iso(-12), why: [], mentions: [] } }),
      alerts: [],
      statements: [],
      responses: [],
    });
    expect(timings.detection).toEqual({ from: iso(-12), at: iso(0), minutes: 12 });
  });
});
