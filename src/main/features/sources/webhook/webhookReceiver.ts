// Local webhook receiver: 127.0.0.1 only, `POST /hooks/<sourceId>`, Standard Webhooks signatures
// (webhook-id, webhook-timestamp within 5 minutes, webhook-signature HMAC-SHA256), bounded bodies.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { mentionsFromPayload, WebhookPayloadError } from './webhookPayload';
import { inEnglish } from '../../../platform/i18n/failure';

export interface WebhookTarget {
  /** `whsec_…` secret shared with the sender. */
  readonly secret: string;
}

export interface DeliveryResult {
  readonly replay: boolean;
  readonly inserted: number;
  readonly duplicates: number;
  readonly rejected: number;
}

export interface WebhookReceiverOptions {
  readonly port: number;
  readonly target: (sourceId: number) => WebhookTarget | undefined;
  readonly deliver: (sourceId: number, deliveryId: string, items: unknown[]) => Promise<DeliveryResult>;
  readonly maxBodyBytes?: number;
}

const PATH = /^\/hooks\/(\d{1,9})$/;
const DEFAULT_MAX_BODY = 1024 * 1024;

export class WebhookReceiver {
  readonly #server: Server;

  constructor(private readonly options: WebhookReceiverOptions) {
    this.#server = createServer((req, res) => void this.#handle(req, res));
    this.#server.requestTimeout = 15_000;
  }

  /** Listens on 127.0.0.1 only: outside machines cannot reach a laptop's receiver. Resolves the port. */
  listen(): Promise<number> {
    return new Promise((resolve, reject) => {
      this.#server.once('error', reject);
      this.#server.listen(this.options.port, '127.0.0.1', () => resolve((this.#server.address() as AddressInfo).port));
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.#server.closeAllConnections();
      this.#server.close(() => resolve());
    });
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const answer = (status: number, body: Record<string, unknown>) => {
      if (!res.headersSent) res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    try {
      const match = PATH.exec(new URL(req.url ?? '/', 'http://localhost').pathname);
      if (!match) return answer(404, { error: inEnglish('sources.webhookFailures.unknownPath') });
      if (req.method !== 'POST') return answer(405, { error: inEnglish('sources.webhookFailures.postOnly') });
      const sourceId = Number(match[1]);
      const target = this.options.target(sourceId);
      if (!target) return answer(404, { error: inEnglish('sources.webhookFailures.noSource') });
      const body = await readBody(req, this.options.maxBodyBytes ?? DEFAULT_MAX_BODY);
      if (body === null) {
        res.setHeader('connection', 'close');
        answer(413, { error: inEnglish('sources.webhookFailures.tooLarge') });
        res.on('finish', () => req.destroy());
        return;
      }
      const headers = {
        'webhook-id': header(req, 'webhook-id'),
        'webhook-timestamp': header(req, 'webhook-timestamp'),
        'webhook-signature': header(req, 'webhook-signature'),
      };
      try {
        new Webhook(target.secret).verify(body, headers, { jsonParse: false });
      } catch (error) {
        if (error instanceof WebhookVerificationError) return answer(401, { error: inEnglish('sources.webhookFailures.signatureRefused', { detail: error.message }) });
        throw error;
      }
      const items = mentionsFromPayload(body.toString('utf8'));
      const result = await this.options.deliver(sourceId, headers['webhook-id'], items);
      answer(result.replay ? 200 : 202, { ...result });
    } catch (error) {
      if (error instanceof WebhookPayloadError) return answer(400, { error: error.message });
      answer(500, { error: inEnglish('sources.webhookFailures.notStored') });
    }
  }
}

const header = (req: IncomingMessage, name: string): string => {
  const value = req.headers[name];
  return Array.isArray(value) ? (value[0] ?? '') : (value ?? '');
};

/** The raw body (signatures cover exact bytes), or null once it exceeds `max`. */
function readBody(req: IncomingMessage, max: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        req.pause();
        resolve(null);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
