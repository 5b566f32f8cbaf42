// jsdom lacks what Mantine measures with (matchMedia, ResizeObserver, scrollIntoView, document.fonts); the renderer's API client
// reads `window.api` when first imported, so the fake backend is put there before any test file loads.
import { notifications } from '@mantine/notifications';
import { act, cleanup } from '@testing-library/react';
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

// Autosized textareas re-measure when web fonts finish loading.
Object.defineProperty(document, 'fonts', { value: Object.assign(new EventTarget(), { ready: Promise.resolve() }) });

window.api = backend.api;

afterEach(() => {
  cleanup();
  // Notifications live in a module-wide store that outlives the rendered tree.
  act(() => notifications.clean());
  const problems = [...backend.problems];
  backend.reset();
  window.localStorage.clear();
  window.sessionStorage.clear();
  expect(problems, 'calls that break the contract').toEqual([]);
});
