import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PdfWriter } from '../../../../../src/main/platform/pdf/pdfWriter';

const LINK = 'https://twitter.com/BanqueLeman/status/1899876543210987654?s=20&t=abcdefghijklmnop';

async function tableText(columns: readonly { header: string; width: number }[], row: readonly string[]): Promise<string[]> {
  const pdf = new PdfWriter({ title: 't', language: 'en', footer: 'FOOTER', createdAt: new Date('2026-03-10T00:00:00.000Z') });
  pdf.table(columns, [row]);
  const bytes = await pdf.finish(() => '');
  const dir = mkdtempSync(join(tmpdir(), 'tocsin-links-'));
  try {
    writeFileSync(join(dir, 'x.pdf'), bytes);
    return execFileSync('pdftotext', ['-layout', join(dir, 'x.pdf'), '-'], { encoding: 'utf8' })
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && l !== 'FOOTER');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('PdfWriter tables', () => {
  it('cuts a link wider than its column at its own separators, never inside a host name or a path word', async () => {
    const lines = await tableText(
      [
        { header: 'Channel', width: 3 },
        { header: 'URL', width: 1 },
      ],
      ['Mastodon', LINK],
    );
    const linkLines = lines.slice(lines.findIndex((l) => l.includes('https:'))).map((l) => l.replace(/^Mastodon\s*/, ''));
    expect(linkLines.length).toBeGreaterThan(1);
    expect(linkLines.join('')).toBe(LINK);
    // Every line ends where the link may be cut, so no piece ends in the middle of a label ("twitter.c" / "om").
    for (const line of linkLines.slice(0, -1)) expect(line).toMatch(/[/?&=.#_-]$/);
  });

  it('cuts an e-mail address wider than its column after its @ or a dot, never inside a label', async () => {
    const email = 'stephane.kohler@aurore.example';
    const lines = await tableText(
      [
        { header: 'Name', width: 3.6 },
        { header: 'E-mail', width: 1 },
      ],
      ['Stéphane Kohler', email],
    );
    const emailLines = lines.slice(lines.findIndex((l) => l.includes('stephane'))).map((l) => l.replace(/^Stéphane Kohler\s*/, ''));
    expect(emailLines.length).toBeGreaterThan(1);
    expect(emailLines.join('')).toBe(email);
    for (const line of emailLines.slice(0, -1)) expect(line).toMatch(/[.@]$/);
  });

  it('leaves a link that fits on one line', async () => {
    const lines = await tableText([{ header: 'URL', width: 1 }], ['https://rts.ch/a']);
    expect(lines).toContain('https://rts.ch/a');
  });
});
