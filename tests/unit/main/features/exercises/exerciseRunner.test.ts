import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../../src/main/platform/db/openDatabase';
import { ScenarioLibrary } from '../../../../../src/main/features/exercises/scenarioLibrary';
import { waveMinute } from '../../../../../src/main/features/exercises/waveMentions';
import { invoke, makeTestCore, workspaceKey } from '../../../../support/testCore';
import { useTempDirs } from '../../../../support/tempDir';

const tempDir = useTempDirs();

function manualClock(start = '2026-11-21T08:00:00.000Z') {
  let now = new Date(start).getTime();
  return { now: () => new Date(now), advanceSeconds: (s: number) => (now += s * 1000) };
}

function count(dataDir: string, workspaceId: string, sql: string): number {
  const db = openDatabase({ path: join(dataDir, 'workspaces', `${workspaceId}.db`), key: workspaceKey(dataDir, workspaceId), readonly: true });
  const n = Number(db.prepare(sql).pluck().get());
  db.close();
  return n;
}

describe('shipped scenario scripts', () => {
  const library = new ScenarioLibrary();

  it('ships three ~2-hour scenarios with realistic volumes, deterministic per minute', () => {
    const scripts = library.list();
    expect(scripts.map((s) => s.id).sort()).toEqual(['bank-data-leak', 'energy-site-incident', 'insurance-claims-refusal', 'watchmaker-viral-defect']);
    for (const summary of scripts) {
      const script = library.get(summary.id);
      expect(script.durationMinutes).toBe(120);
      let total = 0;
      let peak = 0;
      for (let minute = 0; minute < script.durationMinutes; minute += 1) {
        const inMinute = script.injects.flatMap((inject) => (inject.kind === 'wave' ? waveMinute(script, inject, minute, 0) : []));
        total += inMinute.length;
        peak = Math.max(peak, inMinute.length);
      }
      // A regional crisis: hundreds to a few thousand mentions over two hours, tens per minute at the peak.
      expect(total).toBeGreaterThan(500);
      expect(total).toBeLessThan(5000);
      expect(peak).toBeGreaterThan(15);
      const wave = script.injects.find((i) => i.kind === 'wave' && i.at > 0);
      if (wave?.kind !== 'wave') throw new Error('no wave');
      expect(waveMinute(script, wave, wave.at + 3, 0)).toEqual(waveMinute(script, wave, wave.at + 3, 0));
      const texts = waveMinute(script, wave, wave.at + 5, 0).map((m) => m.text);
      for (const text of texts) expect(text).toContain(script.brand);
      expect(texts.join(' ')).not.toMatch(/\{(brand|term|hashtag)\}/);
    }
  });
});

describe('exercise runner through the contract', () => {
  it('plays the bank scenario at ×60 through real ingestion into the exercise only', async () => {
    const dataDir = tempDir();
    const clock = manualClock();
    const core = makeTestCore(dataDir, { clock });
    const liveRefused = await core.dispatch('exercises:start', { workspaceId: 'live', scriptId: 'bank-data-leak', speed: 60 });
    expect(liveRefused.ok || liveRefused.error.code).toBe('FORBIDDEN');

    const exercise = await invoke(core, 'exercises:create', { name: 'Drill' });
    const ws = { workspaceId: exercise.id };
    const started = await invoke(core, 'exercises:start', { ...ws, scriptId: 'bank-data-leak', speed: 60 });
    expect(started.status).toBe('running');
    expect(started.gameMinute).toBe(0);

    clock.advanceSeconds(20); // 20 game minutes
    const early = await invoke(core, 'exercises:control', { ...ws, control: { action: 'speed', speed: 60 } });
    expect(Math.round(early.gameMinute)).toBe(20);
    expect(early.injects.find((i) => i.id === 'p-first')?.firedAt).toBe(20);
    expect(early.injects.find((i) => i.id === 'p-influencer')?.firedAt).toBeNull();

    await invoke(core, 'exercises:control', { ...ws, control: { action: 'pause' } });
    clock.advanceSeconds(300);
    const paused = await invoke(core, 'exercises:run', ws);
    expect(Math.round(paused!.gameMinute)).toBe(20);
    await invoke(core, 'exercises:control', { ...ws, control: { action: 'resume' } });

    const fired = await invoke(core, 'exercises:control', { ...ws, control: { action: 'fire', injectId: 'p-mp' } });
    expect(fired.injects.find((i) => i.id === 'p-mp')?.firedAt).toBe(20);
    const pressure = await invoke(core, 'exercises:pressure', {
      ...ws,
      inject: { kind: 'post', author: '@consumer_watch', audience: 250_000, language: 'fr', text: 'Banque Léman doit s’expliquer sur la fuite !' },
    });
    expect(pressure.injects.some((i) => i.pressure && i.firedAt !== null)).toBe(true);

    clock.advanceSeconds(110);
    const done = await invoke(core, 'exercises:control', { ...ws, control: { action: 'speed', speed: 60 } });
    expect(done.status).toBe('finished');
    expect(done.gameMinute).toBe(120);
    expect(done.injects.filter((i) => i.kind !== 'directorNote' && i.firedAt === null)).toEqual([]);
    expect(done.mentionsInjected).toBeGreaterThan(500);
    core.close();

    const mentions = count(dataDir, exercise.id, 'SELECT count(*) FROM mentions');
    expect(mentions).toBe(done.mentionsInjected);
    expect(count(dataDir, exercise.id, "SELECT count(*) FROM mentions WHERE author_kind = 'influencer'")).toBeGreaterThanOrEqual(2);
    expect(count(dataDir, exercise.id, "SELECT count(*) FROM crisis_log WHERE source LIKE 'Exerci%inject%'")).toBe(3);
    expect(count(dataDir, 'live', 'SELECT count(*) FROM mentions')).toBe(0);
    expect(count(dataDir, 'live', 'SELECT count(*) FROM crisis_log')).toBe(0);
  });

  it('jumps forward without replaying skipped wave minutes', async () => {
    const dataDir = tempDir();
    const clock = manualClock();
    const core = makeTestCore(dataDir, { clock });
    const exercise = await invoke(core, 'exercises:create', { name: 'Jump' });
    const ws = { workspaceId: exercise.id };
    await invoke(core, 'exercises:start', { ...ws, scriptId: 'energy-site-incident', speed: 1 });
    const jumped = await invoke(core, 'exercises:control', { ...ws, control: { action: 'jump', minute: 100 } });
    expect(jumped.gameMinute).toBe(100);
    // The point injects before minute 100 fire on the jump; the waves' skipped minutes produced nothing.
    expect(jumped.injects.filter((i) => i.at <= 100 && i.kind !== 'wave' && i.firedAt === null)).toEqual([]);
    expect(jumped.mentionsInjected).toBeLessThan(10);
    clock.advanceSeconds(5 * 60);
    const later = await invoke(core, 'exercises:control', { ...ws, control: { action: 'speed', speed: 2 } });
    expect(Math.round(later.gameMinute)).toBe(105);
    expect(later.mentionsInjected).toBeGreaterThan(jumped.mentionsInjected);
    core.close();
  });

  it('comes back paused where it stood after the app restarts, with the director’s injects, and goes on without replaying', async () => {
    const dataDir = tempDir();
    const clock = manualClock();
    const first = makeTestCore(dataDir, { clock });
    const exercise = await invoke(first, 'exercises:create', { name: 'Restart' });
    const ws = { workspaceId: exercise.id };
    await invoke(first, 'exercises:start', { ...ws, scriptId: 'bank-data-leak', speed: 60 });
    clock.advanceSeconds(20);
    await invoke(first, 'exercises:control', { ...ws, control: { action: 'speed', speed: 60 } });
    const before = await invoke(first, 'exercises:pressure', {
      ...ws,
      inject: { kind: 'post', author: '@consumer_watch', audience: 250_000, language: 'fr', text: 'Banque Léman doit s’expliquer !' },
    });
    first.close();
    const stored = count(dataDir, exercise.id, 'SELECT count(*) FROM mentions');
    expect(stored).toBe(before.mentionsInjected);

    // The app was down for ten minutes of real time: the game clock did not run meanwhile.
    clock.advanceSeconds(600);
    const second = makeTestCore(dataDir, { clock });
    const restored = await invoke(second, 'exercises:run', ws);
    expect(restored).toMatchObject({ status: 'paused', scriptId: 'bank-data-leak', mentionsInjected: before.mentionsInjected });
    expect(Math.round(restored!.gameMinute)).toBe(20);
    expect(restored!.injects.find((i) => i.id === 'p-first')?.firedAt).toBe(20);
    expect(restored!.injects.filter((i) => i.pressure)).toHaveLength(1);
    // Players' actions stamped before the restart still map to their game minute (the debrief needs them).
    expect(second.exerciseRuns.gameMinuteAt(exercise.id, '2026-11-21T08:00:10.000Z')).toBeCloseTo(10, 5);

    await invoke(second, 'exercises:control', { ...ws, control: { action: 'resume' } });
    clock.advanceSeconds(10);
    const later = await invoke(second, 'exercises:control', { ...ws, control: { action: 'speed', speed: 60 } });
    expect(Math.round(later.gameMinute)).toBe(30);
    expect(later.mentionsInjected).toBeGreaterThan(before.mentionsInjected);
    second.close();
    expect(count(dataDir, exercise.id, 'SELECT count(*) FROM mentions')).toBe(later.mentionsInjected);
  });
});
