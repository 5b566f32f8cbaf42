import { describe, expect, it } from 'vitest';
import { scenarioFromAlert } from '../../../../../src/main/features/incidents/scenarioFromAlert';
import { loadDefaultPlan } from '../../../../../src/main/features/plan/defaultPlan';
import { explanationSchema, type Alert } from '../../../../../src/shared/domain/detection';

const plan = loadDefaultPlan();

function alertSaying(texts: string[], topTerms: Array<[string, number]> = []): Alert {
  const explanation = explanationSchema.parse({
    at: '2026-03-02T08:00:00.000Z',
    windowMinutes: 60,
    mentions: texts.length,
    signals: [],
    topTerms: topTerms.map(([term, count]) => ({ term, count })),
    topAuthors: [],
    sources: [],
    languages: [],
    tone: { negative: 0, neutral: 0, positive: 0, unknown: 0 },
    samples: texts.map((text, i) => ({ mentionId: i + 1, author: null, text, tone: null, publishedAt: '2026-03-02T08:00:00.000Z' })),
  });
  return {
    id: 1,
    watchId: 1,
    watchName: 'Helvetia',
    level: 'alert',
    openedAt: explanation.at,
    updatedAt: explanation.at,
    closedAt: null,
    status: 'open',
    statusReason: null,
    statusBy: null,
    statusAt: null,
    explanation,
    opening: explanation,
  };
}

describe('the scenario an alert’s words point to', () => {
  it('matches the plan’s trigger words ignoring case and accents, as whole words and phrases', () => {
    expect(scenarioFromAlert(plan, alertSaying(['FUITE DE DONNEES chez Helvetia']))?.scenario.kind).toBe('dataBreach');
    expect(scenarioFromAlert(plan, alertSaying(['Helvetia got HACKED overnight']))?.because).toEqual(['hacked']);
    expect(scenarioFromAlert(plan, alertSaying(['Grève des guichets Helvetia, le syndicat appelle au débrayage']))?.scenario.kind).toBe('strike');
  });

  it('does not match words that only contain a trigger, nor an alert that names none', () => {
    expect(scenarioFromAlert(plan, alertSaying(['Helvetia sponsors the hackathon downtown', 'Une lotion offerte, quel fuitement']))).toBeNull();
    expect(scenarioFromAlert(plan, alertSaying(['Helvetia ouvre une agence à Genève']))).toBeNull();
  });

  it('weighs words by the mentions behind them: a leak carried by forty posts outweighs one complaint word', () => {
    const proposal = scenarioFromAlert(plan, alertSaying(['service client nul, quelle honte'], [['fuite', 40], ['honte', 3]]));
    expect(proposal?.scenario.kind).toBe('dataBreach');
    expect(proposal?.because[0]).toBe('fuite');
  });

  it('follows the plan: trigger words edited there are the ones used', () => {
    const edited = structuredClone(plan);
    edited.scenarios.find((s) => s.kind === 'fakeNews')!.triggers.fr.push('montage');
    expect(scenarioFromAlert(edited, alertSaying(['Cette vidéo de Helvetia est un montage']))?.scenario.kind).toBe('fakeNews');
    expect(scenarioFromAlert(plan, alertSaying(['Cette vidéo de Helvetia est un montage']))).toBeNull();
  });
});
