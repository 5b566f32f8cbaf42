import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { PeriodPicker } from '../../../../src/renderer/src/components/PeriodPicker';
import { periodLabel } from '../../../../src/renderer/src/components/periodLabel';
import { click } from '../../support/interact';
import { renderInApp, t } from '../../support/render';

const localMidnight = (y: number, m: number, d: number) => new Date(y, m, d).toISOString();

describe('PeriodPicker', () => {
  it('hands back whole local days from a preset, the last day included', async () => {
    const onBounds = vi.fn();
    renderInApp(<PeriodPicker bounds={null} onBounds={onBounds} testId="p" />);
    click(screen.getByTestId('p-dates'));
    click(await screen.findByText(t('dashboard.period.presets.last7')));
    const now = new Date();
    expect(onBounds).toHaveBeenCalledWith({
      from: localMidnight(now.getFullYear(), now.getMonth(), now.getDate() - 6),
      to: localMidnight(now.getFullYear(), now.getMonth(), now.getDate() + 1),
    });
  });

  it('picks a past week in two clicks on one calendar', async () => {
    const onBounds = vi.fn();
    const bounds = { from: localMidnight(2026, 2, 1), to: localMidnight(2026, 2, 3) };
    renderInApp(<PeriodPicker bounds={bounds} onBounds={onBounds} testId="p" />);
    click(screen.getByTestId('p-dates'));
    click(await screen.findByLabelText('3 March 2026'));
    click(await screen.findByLabelText('9 March 2026'));
    expect(onBounds).toHaveBeenLastCalledWith({ from: localMidnight(2026, 2, 3), to: localMidnight(2026, 2, 10) });
  });

  it('switches back to a "last N" range', () => {
    const onRange = vi.fn();
    renderInApp(
      <PeriodPicker ranges={[{ value: '6h', label: '6 h' }, { value: '7d', label: '7 days' }]} range="6h" bounds={null} onRange={onRange} onBounds={vi.fn()} testId="p" />,
    );
    click(screen.getByText('7 days'));
    expect(onRange).toHaveBeenCalledWith('7d');
  });

  it.each([
    ['en', '1 – 7 Mar 2026'],
    ['fr', '1–7 mars 2026'],
  ] as const)('names a period of whole days as people say it (%s)', (language, label) => {
    expect(periodLabel(localMidnight(2026, 2, 1), localMidnight(2026, 2, 8), language).replace(/\s/g, ' ')).toBe(label.replace(/\s/g, ' '));
  });
});
