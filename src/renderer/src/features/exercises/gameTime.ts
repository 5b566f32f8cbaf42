// Game time shown as H+h:mm, the way the cell counts from the start of a crisis.
export function formatGameMinute(minute: number): string {
  const whole = Math.max(0, Math.floor(minute));
  return `H+${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}
