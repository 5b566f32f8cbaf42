// Google Alerts and Google News feeds as they are shaped (connectors.md §1.2, §1.3).
import { describe, expect, it } from 'vitest';
import { feedEntryToMention } from '../../../../../../src/main/features/sources/connectors/rss/feedEntryToMention';
import { parseFeedText } from '../../../../../../src/main/features/sources/connectors/rss/parseFeed';
import { canonicalUrl, displayUrl } from '../../../../../../src/main/features/mentions/canonicalUrl';
import { toPlainText } from '../../../../../../src/main/platform/text/plainText';

const now = new Date('2026-03-10T12:00:00Z');

const GOOGLE_ALERT = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:idx="urn:atom-extension:indexing">
  <id>tag:google.com,2005:reader/user/06807031914929345698/state/com.google/alerts/10604166159629661594</id>
  <title>Google Alert - ACME</title>
  <link href="https://www.google.com/alerts/feeds/06807031914929345698/10604166159629661594" rel="self"/>
  <updated>2026-03-10T11:02:23Z</updated>
  <entry>
    <id>tag:google.com,2013:googlealerts/feed:10433484386829374957</id>
    <title type="html">&lt;b&gt;ACME&lt;/b&gt; : fuite de données chez l&amp;#39;assureur</title>
    <link href="https://www.google.com/url?rct=j&amp;sa=t&amp;url=https://www.letemps.ch/economie/acme-fuite%3Futm_source%3Dalerts&amp;ct=ga&amp;cd=CAIyGjE3&amp;usg=AOvVaw0"/>
    <published>2026-03-10T11:02:23Z</published>
    <updated>2026-03-10T11:02:23Z</updated>
    <content type="html">Les données de 40 000 clients d&amp;#39;&lt;b&gt;ACME&lt;/b&gt; ont été exposées ...</content>
    <author><name/></author>
  </entry>
</feed>`;

const GOOGLE_NEWS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel>
<generator>NFE/5.0</generator><title>"ACME" - Google News</title><link>https://news.google.com/search?q=ACME&amp;hl=fr&amp;gl=FR&amp;ceid=FR:fr</link>
<language>fr</language>
<item>
  <title>ACME rappelle 20 000 bouilloires défectueuses - Le Parisien</title>
  <link>https://news.google.com/rss/articles/CBMiWkFVX3lxTE5hbXBsZQ?oc=5</link>
  <guid isPermaLink="false">CBMiWkFVX3lxTE5hbXBsZQ</guid>
  <pubDate>Tue, 10 Mar 2026 09:30:00 GMT</pubDate>
  <description>&lt;a href="https://news.google.com/rss/articles/CBMiWkFVX3lxTE5hbXBsZQ?oc=5" target="_blank"&gt;ACME rappelle 20 000 bouilloires défectueuses&lt;/a&gt;&amp;nbsp;&amp;nbsp;&lt;font color="#6f6f6f"&gt;Le Parisien&lt;/font&gt;</description>
  <source url="https://www.leparisien.fr">Le Parisien</source>
</item>
</channel></rss>`;

describe('Google feeds', () => {
  it('Google Alerts: stable id, real article link, outlet from its host, highlight tags stripped', () => {
    const feed = parseFeedText(GOOGLE_ALERT);
    const m = feedEntryToMention(feed.entries[0]!, { feed, feedUrl: 'https://www.google.com/alerts/feeds/068/106', now });
    expect(m.externalId).toBe('tag:google.com,2013:googlealerts/feed:10433484386829374957');
    expect(displayUrl(m.url)).toBe('https://www.letemps.ch/economie/acme-fuite?utm_source=alerts');
    expect(canonicalUrl(m.url)).toBe('https://www.letemps.ch/economie/acme-fuite');
    expect(m.sourceName).toBe('letemps.ch');
    expect(toPlainText(m.title ?? '')).toBe("ACME : fuite de données chez l'assureur");
    expect(toPlainText(m.text)).toBe("Les données de 40 000 clients d'ACME ont été exposées ...");
  });

  it('Google News: guid kept as the key, publisher taken from the title, links not resolved', () => {
    const feedUrl = 'https://news.google.com/rss/search?q=ACME&hl=fr&gl=FR&ceid=FR:fr';
    const feed = parseFeedText(GOOGLE_NEWS);
    const m = feedEntryToMention(feed.entries[0]!, { feed, feedUrl, now });
    expect(m.externalId).toBe('CBMiWkFVX3lxTE5hbXBsZQ');
    expect(m.title).toBe('ACME rappelle 20 000 bouilloires défectueuses');
    expect(m.sourceName).toBe('Le Parisien');
    expect(m.url).toBe('https://news.google.com/rss/articles/CBMiWkFVX3lxTE5hbXBsZQ?oc=5');
    expect(m.language).toBe('fr');
    expect(m.publishedAt).toBe('2026-03-10T09:30:00.000Z');
  });
});

describe('odd entries', () => {
  it('falls back from blank ids and out-of-range dates to values a mention can hold', () => {
    const feed = parseFeedText(`<rss version="2.0"><channel><title>T</title>
      <item><guid>  </guid><link>https://x.example/a</link><title>a</title><pubDate>Mon, 01 Jan 20260 00:00:00 GMT</pubDate></item>
      <item><guid></guid><title>b</title><pubDate>Tue, 10 Mar 2026 09:30:00 GMT</pubDate></item>
    </channel></rss>`);
    const [a, b] = feed.entries.map((e) => feedEntryToMention(e, { feed, feedUrl: 'https://x.example/feed', now }));
    expect(a?.externalId).toBe('https://x.example/a');
    expect(a?.publishedAt).toBe(now.toISOString());
    expect(b?.externalId).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(b?.publishedAt).toBe('2026-03-10T09:30:00.000Z');
  });
});
