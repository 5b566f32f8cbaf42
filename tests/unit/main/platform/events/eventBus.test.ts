// The in-process event bus: typed payloads per event, and a failing listener neither silences the others nor itself.
import { describe, expect, it, vi } from 'vitest';
import { EventBus } from '../../../../../src/main/platform/events/eventBus';
import type { Logger } from '../../../../../src/main/platform/logger';

const recordingLogger = () => {
  const errors: { message: string; fields?: Record<string, unknown> }[] = [];
  const logger: Logger = { info: () => {}, warn: () => {}, error: (message, fields) => void errors.push({ message, fields }) };
  return { logger, errors };
};

describe('EventBus', () => {
  it('logs a listener that throws, keeps it, and still calls it on the next event', () => {
    const { logger, errors } = recordingLogger();
    const bus = new EventBus(logger);
    const calls: string[] = [];
    bus.on('watches:changed', ({ workspaceId }) => {
      calls.push(workspaceId);
      throw new Error('listener broke');
    });
    const other = vi.fn();
    bus.on('watches:changed', other);

    bus.emit('watches:changed', { workspaceId: 'live' });
    bus.emit('watches:changed', { workspaceId: 'exercise-1' });

    expect(calls).toEqual(['live', 'exercise-1']);
    expect(other).toHaveBeenCalledTimes(2);
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatchObject({ message: 'event listener failed', fields: { event: 'watches:changed', error: 'Error: listener broke' } });
  });

  it('hands `on` listeners only their event, with its payload', () => {
    const bus = new EventBus();
    const seen: string[] = [];
    bus.on('sources:changed', ({ workspaceId }) => seen.push(`sources ${workspaceId}`));
    bus.onAny(['watches:changed', 'workspaces:changed'], ({ workspaceId }, name) => seen.push(`${name} ${workspaceId}`));
    bus.emit('watches:changed', { workspaceId: 'live' });
    bus.emit('sources:changed', { workspaceId: 'live' });
    bus.emit('security:changed', {});
    expect(seen).toEqual(['watches:changed live', 'sources live']);
  });

  it('forwards every event to transports until they unsubscribe', () => {
    const bus = new EventBus();
    const frames: string[] = [];
    const unsubscribe = bus.subscribe((name, payload) => frames.push(`${name} ${JSON.stringify(payload)}`));
    bus.emit('security:changed', {});
    unsubscribe();
    bus.emit('security:changed', {});
    expect(frames).toEqual(['security:changed {}']);
  });
});
