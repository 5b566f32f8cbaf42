// What each channel will carry once a statement is queued: per language, the approved text as posts. Shared
// so that the approval screen shows exactly the posts the outbox will send.
import { CHANNEL_SPECS, isApiChannel, limitOf, type Channel, type ChannelLimits } from './channels';
import { joinThread, splitThread, type ThreadNumbering, type ThreadPart } from './splitThread';
import { channelText, type StatementContent, type StatementLanguage } from '../domain/statement';

export interface PlannedOutboxRow {
  readonly channel: Channel;
  readonly language: StatementLanguage;
  readonly parts: ThreadPart[];
  readonly manual: boolean;
}

/** Throws ThreadSplitError when a word is longer than a post of a channel that threads. */
export function outboxRowsFor(content: StatementContent, limits: ChannelLimits, numbering: ThreadNumbering): PlannedOutboxRow[] {
  const rows: PlannedOutboxRow[] = [];
  for (const channel of content.channels) {
    for (const language of ['fr', 'en'] as const) {
      const text = channelText(content, channel, language);
      if (text.trim() === '') continue;
      const limit = limitOf(channel, limits);
      const parts = limit !== null && CHANNEL_SPECS[channel].threads ? splitThread(text, channel, limit, numbering) : [{ text, body: text, before: '', after: '' }];
      // The posts must give back the approved text to the byte; anything else would publish unapproved words.
      if (joinThread(parts) !== text) throw new Error(`The ${channel} posts do not give back the approved ${language} text.`);
      rows.push({ channel, language, parts, manual: !isApiChannel(channel) });
    }
  }
  return rows;
}
