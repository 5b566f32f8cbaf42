import { fireEvent, screen, waitFor } from '@testing-library/react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { EChart } from '../../../src/renderer/src/components/EChart';
import { IssueList } from '../../../src/renderer/src/components/IssueList';
import { LocalDateTimeInput } from '../../../src/renderer/src/components/LocalDateTimeInput';
import { QueryState } from '../../../src/renderer/src/components/QueryState';
import { callApi } from '../../../src/renderer/src/api/client';
import { backend } from '../support/fakeBackend';
import { workspace } from '../support/fixtures';
import { click } from '../support/interact';
import { renderInApp, t } from '../support/render';

function WorkspaceName() {
  const query = useQuery({ queryKey: ['ws'], queryFn: () => callApi('workspaces:get', { workspaceId: 'live' }) });
  return <QueryState query={query}>{(ws) => <p>{ws.settings.displayName}</p>}</QueryState>;
}

describe('QueryState', () => {
  it('shows a loader, then the data', async () => {
    let answer: (value: ReturnType<typeof workspace>) => void = () => {};
    backend.on('workspaces:get', () => new Promise((resolve) => (answer = resolve)));
    renderInApp(<WorkspaceName />);
    expect(screen.getByLabelText(t('app.loading'))).toBeTruthy();
    answer(workspace());
    expect(await screen.findByText('Cellule de crise')).toBeTruthy();
  });

  it.each([
    ['fr', 'Introuvable. No workspace named live.', 'Réessayer'],
    ['en', 'Not found. No workspace named live.', 'Retry'],
  ] as const)('words a failure in %s and retries on demand', async (language, message, retry) => {
    backend.refuse('workspaces:get', 'NOT_FOUND', 'No workspace named live.');
    renderInApp(<WorkspaceName />, { language });
    expect((await screen.findByRole('alert')).textContent).toContain(message);
    backend.reply('workspaces:get', workspace());
    click(screen.getByRole('button', { name: retry }));
    expect(await screen.findByText('Cellule de crise')).toBeTruthy();
    expect(backend.callCount('workspaces:get')).toBe(2);
  });
});

describe('IssueList', () => {
  it('lists each problem with the path where it is', () => {
    renderInApp(
      <IssueList
        title="2 problems in plan.json"
        testId="issues"
        issues={[
          { path: 'roles.0.holder.phone', message: 'Too short' },
          { path: 'templates.3.body.fr', message: 'Unknown placeholder {{date}}' },
        ]}
      />,
    );
    const items = screen.getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toEqual(['roles.0.holder.phone — Too short', 'templates.3.body.fr — Unknown placeholder {{date}}']);
    expect(screen.getByTestId('issues').textContent).toContain('2 problems in plan.json');
  });
});

function DateHarness({ onChange, required = false }: { onChange: (v: string) => void; required?: boolean }) {
  const [value, setValue] = useState('2025-03-14T09:30');
  return (
    <LocalDateTimeInput
      label="When"
      value={value}
      required={required}
      onChange={(next) => {
        setValue(next);
        onChange(next);
      }}
      data-testid="when"
    />
  );
}

const clearButton = () => screen.getByTestId('when').closest('.mantine-InputWrapper-root')!.querySelector('.mantine-InputClearButton-root');

describe('LocalDateTimeInput', () => {
  it.each([
    ['fr', '14/03/2025 09:30'],
    ['en', '14 Mar 2025, 09:30'],
  ] as const)('shows the local time in the %s reading order', (language, shown) => {
    renderInApp(<DateHarness onChange={() => {}} />, { language });
    expect(screen.getByTestId('when').textContent).toBe(shown);
  });

  it('gives back an empty value when an optional date is cleared', () => {
    const onChange = vi.fn();
    renderInApp(<DateHarness onChange={onChange} />);
    fireEvent.click(clearButton()!);
    expect(onChange).toHaveBeenCalledWith('');
  });

  it('cannot be cleared when required', () => {
    renderInApp(<DateHarness onChange={() => {}} required />);
    expect(clearButton()).toBeNull();
  });
});

describe('EChart', () => {
  it('draws the series as SVG under its accessible label, and redraws when the option changes', async () => {
    const option = (values: number[]) => ({
      animation: false,
      xAxis: { type: 'category', data: ['09:00', '10:00', '11:00'] },
      yAxis: { type: 'value' },
      series: [{ type: 'bar', data: values }],
    });
    const { rerender } = renderInApp(<EChart option={option([1, 2, 3])} height={200} dark={false} label="Mentions per hour" testId="chart" />);
    const chart = screen.getByRole('img', { name: 'Mentions per hour' });
    await waitFor(() => expect(chart.querySelector('svg')).not.toBeNull());
    const bars = () => chart.querySelectorAll('path').length;
    const before = bars();
    rerender(<EChart option={option([1, 2, 3, 4].slice(0, 2))} height={200} dark={false} label="Mentions per hour" testId="chart" />);
    await waitFor(() => expect(bars()).not.toBe(before));
  });
});
