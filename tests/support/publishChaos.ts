// Failure injection shared by the fake publishing servers: refused, dropped and hanging connections.
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface Chaos {
  /** Connection cut before the request is handled: nothing was published. */
  readonly dropBefore: number;
  /** Request handled, then the connection is cut: published, but the client never hears it. */
  readonly dropAfter: number;
  /** Request handled, then no answer at all: the client times out. */
  readonly hangAfter: number;
  readonly random: () => number;
}

export type ChaosVerdict = 'serve' | 'dropBefore' | 'dropAfter' | 'hangAfter';

export function verdict(chaos: Chaos | undefined): ChaosVerdict {
  if (!chaos) return 'serve';
  const r = chaos.random();
  if (r < chaos.dropBefore) return 'dropBefore';
  if (r < chaos.dropBefore + chaos.dropAfter) return 'dropAfter';
  if (r < chaos.dropBefore + chaos.dropAfter + chaos.hangAfter) return 'hangAfter';
  return 'serve';
}

/** Sends the answer, or loses it as the verdict says (the work itself is already done by then). */
export function answer(res: ServerResponse, v: ChaosVerdict, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (v === 'dropAfter') {
    res.socket?.destroy();
    return;
  }
  if (v === 'hangAfter') return;
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/**
 * A request handler that lets the chaos cut the connection first, then serves the request with its verdict; a
 * request that fails while served has its connection cut.
 */
export function chaosHandler(
  chaos: () => Chaos | undefined,
  serve: (req: IncomingMessage, res: ServerResponse, v: ChaosVerdict, url: URL) => Promise<void>,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const v = verdict(chaos());
    if (v === 'dropBefore') {
      req.socket.destroy();
      return;
    }
    serve(req, res, v, new URL(req.url ?? '/', 'http://x')).catch(() => res.socket?.destroy());
  };
}

export async function readBody(req: IncomingMessage, max = 1024 * 1024): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > max) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Seeded generator, so a failing chaos run can be replayed. */
export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
