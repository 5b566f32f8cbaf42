// E-mail through the company's SMTP relay. The relay's name is resolved and checked here (no local address unless
// its setting says it is on the local network) and nodemailer connects to that very address, with the name kept
// for the TLS certificate check. Each message carries its own Message-ID: a resend after a crash is the same message.
import { isIP } from 'node:net';
import { createTransport } from 'nodemailer';
import { healthMessage } from '../../../shared/domain/healthMessage';
import type { SmtpSettings } from '../../../shared/domain/notify';
import { localRange, type Resolve } from '../../platform/net/resolvedAddress';
import { DeliveryError, isCertificateCause } from './deliveryError';

export interface MailToSend {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly messageId: string;
  readonly date: Date;
}

export interface SmtpTimeouts {
  readonly timeoutMs: number;
}

/** The address the relay's name points to, refused when it is local and the setting does not say it may be. */
async function checkedAddress(settings: SmtpSettings, resolve: Resolve): Promise<string> {
  if (isIP(settings.host)) return settings.host;
  let answers;
  try {
    answers = await resolve(settings.host);
  } catch (error) {
    throw new DeliveryError(healthMessage('unreachable', { host: settings.host, cause: causeOf(error) }), false);
  }
  const first = answers[0];
  if (!first) throw new DeliveryError(healthMessage('unreachable', { host: settings.host, cause: 'ENOTFOUND' }), false);
  if (!settings.localNetwork) {
    for (const answer of answers) {
      const range = localRange(answer.address);
      if (range) throw new DeliveryError(healthMessage('privateAddress', { host: settings.host, address: answer.address, range }), true);
    }
  }
  return first.address;
}

export async function sendMail(settings: SmtpSettings, mail: MailToSend, resolve: Resolve, { timeoutMs }: SmtpTimeouts): Promise<string> {
  const address = await checkedAddress(settings, resolve);
  const servername = isIP(settings.host) ? undefined : settings.host;
  const transport = createTransport({
    host: address,
    port: settings.port,
    secure: settings.security === 'tls',
    requireTLS: settings.security === 'starttls',
    ignoreTLS: settings.security === 'none',
    ...(servername ? { servername } : {}),
    auth: settings.user ? { user: settings.user, pass: settings.password } : undefined,
    tls: { rejectUnauthorized: true, ...(servername ? { servername } : {}), ...(settings.caCertificate ? { ca: settings.caCertificate } : {}) },
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  try {
    const info = await transport.sendMail({
      from: settings.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      messageId: mail.messageId,
      date: mail.date,
    });
    if (info.rejected.length > 0) {
      throw new DeliveryError(healthMessage('smtpRejected', { host: settings.host, code: 550, detail: `${info.rejected.join(', ')} rejected` }), true);
    }
    return info.response;
  } catch (error) {
    if (error instanceof DeliveryError) throw error;
    throw smtpFailure(settings.host, error, timeoutMs / 1000);
  } finally {
    transport.close();
  }
}

interface SmtpErrorShape {
  readonly code?: string;
  readonly responseCode?: number;
  readonly response?: string;
  readonly message?: string;
}

/** A nodemailer error as a reason the cell can act on; 5xx replies and refused logins will not heal by waiting. */
export function smtpFailure(host: string, error: unknown, timeoutSeconds: number): DeliveryError {
  const e = (error ?? {}) as SmtpErrorShape;
  const detail = (e.response ?? e.message ?? String(error)).slice(0, 300);
  if (e.code === 'EAUTH' || e.code === 'ENOAUTH' || e.responseCode === 530 || e.responseCode === 535) return new DeliveryError(healthMessage('smtpAuth', { host, code: e.responseCode ?? 0 }), true);
  if (typeof e.responseCode === 'number' && e.responseCode >= 400) {
    return new DeliveryError(healthMessage('smtpRejected', { host, code: e.responseCode, detail }), e.responseCode >= 500);
  }
  if (isCertificateCause(detail)) return new DeliveryError(healthMessage('tlsCertificate', { host, cause: detail }), false);
  if (e.code === 'ETIMEDOUT') return new DeliveryError(healthMessage('timeout', { host, seconds: timeoutSeconds }), false);
  return new DeliveryError(healthMessage('unreachable', { host, cause: e.code ? `${e.code}: ${detail}` : detail }), false);
}

function causeOf(error: unknown): string {
  return error instanceof Error ? ((error as NodeJS.ErrnoException).code ?? error.message) : String(error);
}
