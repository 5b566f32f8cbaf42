import { describe, expect, it } from 'vitest';
import { exportFileName } from '../../../../../src/main/features/reports/exportFileName';

describe('exportFileName', () => {
  it('stamps the time of export as the person reads it, on either side of a daylight-saving change', () => {
    const winter = new Date('2026-03-10T08:05:00.000Z');
    expect(exportFileName('report', 'Fuite de données — Léman', winter, 'pdf', 'Europe/Zurich')).toBe('tocsin-report-fuite-de-donnees-leman-20260310-0905.pdf');
    expect(exportFileName('report', 'Fuite', new Date('2026-07-10T08:05:00.000Z'), 'pdf', 'Europe/Zurich')).toBe('tocsin-report-fuite-20260710-1005.pdf');
    // Past midnight in Montreal is still the evening before.
    expect(exportFileName('mentions', '', new Date('2026-03-10T03:30:00.000Z'), 'csv', 'America/Montreal')).toBe('tocsin-mentions-incident-20260309-2330.csv');
    expect(exportFileName('report', 'x', winter, 'pdf', 'UTC')).toBe('tocsin-report-x-20260310-0805.pdf');
  });
});
