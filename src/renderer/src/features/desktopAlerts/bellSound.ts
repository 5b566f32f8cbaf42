// The alert bell: two short tones made with Web Audio, so the app ships no sound file (and nobody's recording).
import { readLocalStorageValue } from '@mantine/hooks';

/**
 * Muting is a per-laptop choice, not a workspace setting: whether a computer may ring depends on where it sits
 * (an open-plan office, a night at home), so it lives in this browser's storage, like the UI language.
 */
export const BELL_MUTED_KEY = 'tocsin.bellMuted';

export const isBellMuted = (): boolean => readLocalStorageValue<boolean>({ key: BELL_MUTED_KEY, defaultValue: false });

let context: AudioContext | undefined;

/** Two descending notes, well under a second; a context made before any click starts suspended, so resume it. */
export function ringBell(): void {
  context ??= new AudioContext();
  void context.resume().catch(() => undefined);
  const start = context.currentTime;
  for (const [offset, frequency] of [
    [0, 880],
    [0.22, 660],
  ] as const) {
    const tone = context.createOscillator();
    const gain = context.createGain();
    tone.type = 'sine';
    tone.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, start + offset);
    gain.gain.exponentialRampToValueAtTime(0.3, start + offset + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.2);
    tone.connect(gain).connect(context.destination);
    tone.start(start + offset);
    tone.stop(start + offset + 0.21);
  }
}
