// Time source injected into the core: real time in the app, controllable time in tests and exercises.
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
