// Zod's problems with an input, worded from the catalogues: Zod writes its messages in English only, so each issue
// is given a catalogue key and values by its code (a custom check names its key in `params.wording`, its values in
// `params.values`), and every screen words it again in its reader's language.
import type { z } from 'zod';
import type { AppError } from '../../../shared/contract/envelope';
import { issue, type WordingValues } from './failure';

type Issue = z.core.$ZodIssue;

const FORMATS = new Set(['email', 'url', 'uuid', 'datetime', 'date', 'time', 'regex', 'base64', 'base64url', 'ipv4', 'ipv6']);
const TYPES = new Set(['string', 'number', 'boolean', 'array', 'object', 'date', 'int', 'bigint']);
const SIZED = new Set(['string', 'number', 'array']);

/** The catalogue key and values of one issue (under `platform.validation` unless a custom check names its own). */
function wordingOf(i: Issue): { key: string; values?: WordingValues } {
  const key = (k: string, values?: WordingValues) => ({ key: `platform.validation.${k}`, values });
  switch (i.code) {
    case 'invalid_type':
      // Zod says "received undefined" only in its message; a missing field is the common case worth its own words.
      if (/received undefined$/.test(i.message)) return key('required');
      return key(`expected.${TYPES.has(i.expected) ? i.expected : 'other'}`);
    case 'too_big': {
      const origin = SIZED.has(i.origin) ? i.origin : 'other';
      const exclusive = origin === 'number' && i.inclusive === false ? 'Exclusive' : '';
      return key(`tooBig.${origin}${exclusive}`, { maximum: Number(i.maximum) });
    }
    case 'too_small': {
      if (i.origin === 'string' && Number(i.minimum) === 1) return key('empty');
      const origin = SIZED.has(i.origin) ? i.origin : 'other';
      const exclusive = origin === 'number' && i.inclusive === false ? 'Exclusive' : '';
      return key(`tooSmall.${origin}${exclusive}`, { minimum: Number(i.minimum) });
    }
    case 'invalid_format':
      return key(`format.${FORMATS.has(i.format) ? i.format : 'other'}`);
    case 'invalid_value':
      return key('oneOf', { values: i.values.map(String).join(', ').slice(0, 200) });
    case 'unrecognized_keys':
      return key('unknownFields', { keys: i.keys.join(', ').slice(0, 200) });
    case 'not_multiple_of':
      return key('multipleOf', { divisor: Number(i.divisor) });
    case 'invalid_union':
      return key('noForm');
    case 'custom': {
      const { wording, values } = (i.params ?? {}) as { wording?: unknown; values?: unknown };
      if (typeof wording !== 'string') return key('invalid');
      return typeof values === 'object' && values !== null ? { key: wording, values: values as WordingValues } : { key: wording };
    }
    default:
      return key('invalid');
  }
}

/** Each issue at its path, in English for logs and with its catalogue key for the screens. */
export const wordedIssues = (
  error: z.ZodError,
  pathOf: (path: readonly PropertyKey[]) => string = (path) => path.map(String).join('.'),
): NonNullable<AppError['issues']> =>
  error.issues.map((i) => {
    const { key, values } = wordingOf(i);
    return issue(pathOf(i.path), key, values);
  });
