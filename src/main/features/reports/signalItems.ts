// What an alert's signal names beside its value, for the report: the volume detector's items are its own
// working ("level, score=…, 5 min") and are worded as the screen's why-card words them; the other signals carry
// names and words as written.
import type { Signal } from '../../../shared/domain/detection';
import type { Language } from '../../../shared/domain/workspace';
import { printable } from './printable';
import { translator } from '../../platform/i18n/translator';

const VOLUME_TESTS = new Set(['level', 'seasonal', 'jump', 'volatility', 'shape', 'surprise']);

export function signalItemsText(signal: Signal, language: Language): string {
  if (signal.kind === 'volume') {
    const [test, , window] = signal.items;
    if (test === undefined || !VOLUME_TESTS.has(test)) return '';
    return translator(language, 'detection.volumeTest')(test, { minutes: Number.parseInt(window ?? '', 10) || 5 });
  }
  return printable(signal.items.slice(0, 8).join(', '), 400);
}
