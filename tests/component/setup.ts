// jsdom lacks what Mantine measures with (matchMedia, ResizeObserver, scrollIntoView); the renderer's API client
// reads `window.api` when first imported, so the fake backend is put there before any test file loads.
import { cleanup } from '@testing-library/react';
import { afterEach, expect } from 'vitest';
import { backend } from './support/fakeBackend';

window.matchMedia = (query: string): MediaQueryList =>
  ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => {},
    removeListener: () => {},
    addEventListener: () => {},
    removeEventListener: () => {},
    dispatchEvent: () => false,
  }) as MediaQueryList;

window.ResizeObserver = class {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
};

window.HTMLElement.prototype.scrollIntoView = () => {};

window.api = backend.api;

afterEach(() => {
  cleanup();
  const problems = [...backend.problems];
  backend.reset();
  window.localStorage.clear();
  window.sessionStorage.clear();
  expect(problems, 'calls that break the contract').toEqual([]);
});
