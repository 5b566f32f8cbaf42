// What changed since the last approval, word by word, so approvers re-read only the difference.
import { diffWordsWithSpace } from 'diff';
import type { FieldDiff, StatementContent } from '../../../shared/domain/statement';
import { CHANNELS } from '../../../shared/composer/channels';

type Comparable = Pick<StatementContent, 'textFr' | 'textEn' | 'channels' | 'variants'>;

function fields(c: Comparable): Record<string, string> {
  const out: Record<string, string> = { textFr: c.textFr, textEn: c.textEn, channels: [...c.channels].sort().join(', ') };
  for (const channel of CHANNELS) {
    const v = c.variants[channel];
    if (v?.fr !== undefined) out[`variants.${channel}.fr`] = v.fr;
    if (v?.en !== undefined) out[`variants.${channel}.en`] = v.en;
  }
  return out;
}

export function diffContent(before: Comparable, after: Comparable): FieldDiff[] {
  const a = fields(before);
  const b = fields(after);
  const names = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  return names
    .filter((name) => (a[name] ?? '') !== (b[name] ?? ''))
    .map((field) => ({
      field,
      parts: diffWordsWithSpace(a[field] ?? '', b[field] ?? '').map((p) => ({
        value: p.value,
        added: p.added === true,
        removed: p.removed === true,
      })),
    }));
}
