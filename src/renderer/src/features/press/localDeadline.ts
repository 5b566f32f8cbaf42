// Deadlines are typed in the reader's local time (an <input type="datetime-local"> value) and stored in UTC.
const pad = (n: number) => String(n).padStart(2, '0');

/** The local wall-clock value of an instant, as a datetime-local input shows it. */
export function toLocalInput(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The UTC instant of a local wall-clock value, or null when the value is not a full date and time. */
export function fromLocalInput(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
