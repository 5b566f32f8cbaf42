// The one API contract: every call and push event, shared by the IPC and HTTP transports.
import type { z } from 'zod';
import type { Result } from './envelope';
import { composerCalls, composerEvents } from './composer';
import { crisisLogCalls, crisisLogEvents } from './crisisLog';
import { incidentCalls, incidentEvents } from './incidents';
import { notifyCalls, notifyEvents } from './notify';
import { importCalls, importEvents } from './imports';
import { mentionsCalls, mentionsEvents } from './mentions';
import { networkCalls, securityCalls, securityEvents } from './security';
import { liveFeedsCalls, liveFeedsEvents, sourcesCalls, sourcesEvents } from './sources';
import { backupCalls, backupEvents } from './backups';
import { cellCalls, cellEvents } from './cell';
import { clockCalls, clockEvents } from './clocks';
import { exerciseCalls, exerciseRunCalls, exerciseRunEvents } from './exercises';
import { lessonsCalls, lessonsEvents } from './lessons';
import { planCalls, planEvents } from './plan';
import { systemCalls, systemEvents } from './system';
import { watchesCalls, watchesEvents } from './watches';
import { workspaceCalls, workspaceEvents } from './workspaces';
import { detectionCalls, detectionEvents } from './detection';
import { dashboardCalls } from './dashboard';
import { demoCalls, demoEvents } from './demo';
import { exportCalls, exportEvents, reportCalls } from './reports';
import { pressCalls, pressEvents } from './press';
import { compensationCalls, compensationEvents } from './compensation';

export const calls = {
  ...composerCalls,
  ...systemCalls,
  ...workspaceCalls,
  ...detectionCalls,
  ...dashboardCalls,
  ...demoCalls,
  ...watchesCalls,
  ...sourcesCalls,
  ...mentionsCalls,
  ...planCalls,
  ...exerciseCalls,
  ...exerciseRunCalls,
  ...lessonsCalls,
  ...securityCalls,
  ...networkCalls,
  ...backupCalls,
  ...crisisLogCalls,
  ...incidentCalls,
  ...notifyCalls,
  ...importCalls,
  ...liveFeedsCalls,
  ...reportCalls,
  ...exportCalls,
  ...cellCalls,
  ...clockCalls,
  ...pressCalls,
  ...compensationCalls,
} as const;

export const events = {
  ...demoEvents,
  ...planEvents,
  ...exerciseRunEvents,
  ...lessonsEvents,
  ...composerEvents,
  ...mentionsEvents,
  ...sourcesEvents,
  ...watchesEvents,
  ...workspaceEvents,
  ...detectionEvents,
  ...securityEvents,
  ...backupEvents,
  ...crisisLogEvents,
  ...incidentEvents,
  ...notifyEvents,
  ...importEvents,
  ...liveFeedsEvents,
  ...exportEvents,
  ...cellEvents,
  ...clockEvents,
  ...pressEvents,
  ...compensationEvents,
  ...systemEvents,
} as const;

export type Calls = typeof calls;
export type CallName = keyof Calls;
export type CallInput<K extends CallName> = z.input<Calls[K]['input']>;
export type CallOutput<K extends CallName> = z.output<Calls[K]['output']>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]['payload']>;

export const callNames = Object.keys(calls) as CallName[];
export const eventNames = Object.keys(events) as EventName[];

export const isCallName = (name: string): name is CallName => Object.hasOwn(calls, name);
export const isEventName = (name: string): name is EventName => Object.hasOwn(events, name);

/**
 * What the preload exposes as `window.api`, and what the HTTP client mirrors: one function per contract
 * call (generated from `callNames`, never a general-purpose send), plus `subscribe` restricted to
 * contract events.
 */
export type AppApi = {
  readonly [K in CallName]: (input: CallInput<K>) => Promise<Result<CallOutput<K>>>;
} & {
  readonly subscribe: <E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void) => () => void;
};

export * from './envelope';
