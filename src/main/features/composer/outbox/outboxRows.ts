// Turns approved content into what each channel will carry: per language, the text cut to the channel's limit.
import { CHANNEL_SPECS, isApiChannel, limitOf, type Channel } from '../../../../shared/composer/channels';
import { splitThread } from '../../../../shared/composer/splitThread';
import { channelText, type StatementContent, type StatementLanguage } from '../../../../shared/domain/statement';

export interface PlannedOutboxRow {
  readonly channel: Channel;
  readonly language: StatementLanguage;
  readonly parts: string[];
  readonly manual: boolean;
}

export function outboxRowsFor(content: StatementContent, limits: Partial<Record<Channel, number | null>>): PlannedOutboxRow[] {
  const rows: PlannedOutboxRow[] = [];
  for (const channel of content.channels) {
    for (const language of ['fr', 'en'] as const) {
      const text = channelText(content, channel, language).trim();
      if (text === '') continue;
      const limit = limitOf(channel, limits);
      const parts = limit !== null && CHANNEL_SPECS[channel].threads ? splitThread(text, channel, limit) : [text];
      rows.push({ channel, language, parts, manual: !isApiChannel(channel) });
    }
  }
  return rows;
}
