// How Mastodon shows a status compared with the text sent, for the look before a resend: it renders plain
// text as HTML, and rewrites each mention it resolved (@user@other.instance shows as @user).
import { decode } from 'html-entities';

export interface MentionedAccount {
  readonly username: string;
  /** `user` for the instance's own accounts, `user@domain` for others. */
  readonly acct: string;
}

// Mastodon's Account::MENTION_RE: a username of a-z, 0-9 and _ with inner dots or dashes, then an optional domain.
const WORD = '\\p{L}\\p{M}\\p{N}\\p{Pc}';
const MENTION = new RegExp(`(?<![=/${WORD}])@([a-z0-9_]+(?:[.-]+[a-z0-9_]+)*)(?:@([${WORD}]+(?:[.-]+[${WORD}]+)*))?`, 'giu');

/** Text with tags, entities and whitespace removed. */
export function comparableHtml(html: string): string {
  return comparablePlain(decode(html.replace(/<br\s*\/?>/gi, ' ').replace(/<[^>]*>/g, '')));
}

/** The text as sent: plain, so a "<" in it is text, not markup. */
export function comparablePlain(text: string): string {
  return text.replace(/\s+/gu, '').normalize('NFC');
}

/**
 * The sent text with each mention the status names (its `mentions`) written as Mastodon's TextFormatter shows
 * it: @username, or @user@domain when another account of the status (its author included) has that username.
 * A mention the instance did not resolve stays as typed, as it does in the status.
 */
export function shownByMastodon(text: string, mentions: readonly MentionedAccount[], author: MentionedAccount): string {
  const accounts = [author, ...mentions];
  const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();
  return text.replace(MENTION, (whole, username: string, domain: string | undefined) => {
    const typed = domain ? `${username}@${domain}` : username;
    // Written with the instance's own domain, a local account's mention resolves to its bare acct.
    const account = mentions.find((m) => same(m.acct, typed)) ?? (domain ? mentions.find((m) => !m.acct.includes('@') && same(m.acct, username)) : undefined);
    if (!account) return whole;
    const namesakes = accounts.filter((a) => a !== account && same(a.username, account.username) && !same(a.acct, account.acct)).length;
    return `@${namesakes > 0 ? account.acct : account.username}`;
  });
}
