// Outside text (mentions, names, entries) goes into the PDF as plain text only: control and bidi-override
// characters are dropped so a hostile post cannot reorder or hide what the report shows, and length is capped.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufeff]/g;

export function printable(text: string, maxLength: number): string {
  const clean = text.replace(/\r\n?/g, '\n').replace(UNSAFE, '');
  return clean.length > maxLength ? `${clean.slice(0, maxLength - 1)}…` : clean;
}
