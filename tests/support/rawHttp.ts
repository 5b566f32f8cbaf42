// Raw HTTP/1.1 over a TCP socket, so tests can send what no HTTP client would: malformed request lines,
// bad encodings, broken framing.
import { connect, type Socket } from 'node:net';

export interface RawReply {
  /** Status of the first final (non-1xx) response, undefined if the server closed without one. */
  readonly status?: number;
  /** Response head up to the blank line (status line and headers), '' without a response. */
  readonly head: string;
  /** True when the server ended or reset the connection before a complete response head came. */
  readonly closedWithoutReply: boolean;
}

/**
 * Sends `bytes` on a fresh connection and waits for the first final response head or the end of the
 * connection; rejects when neither comes within `timeoutMs`, so a server that hangs fails the caller.
 * With `end`, the client half-closes after sending, as a client that gives up on a request cut short would:
 * Node's HTTP server then aborts the request, so an answer the handler had not yet written never comes.
 */
export function rawRequest(port: number, bytes: string | Buffer, { end = false, timeoutMs = 5_000 } = {}): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port });
    let received = Buffer.alloc(0);
    let settled = false;
    const finish = (outcome: RawReply | Error): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      if (outcome instanceof Error) reject(outcome);
      else resolve(outcome);
    };
    const timer = setTimeout(() => finish(new Error(`no reply within ${timeoutMs} ms to ${JSON.stringify(String(bytes).slice(0, 200))}`)), timeoutMs);
    socket.on('connect', () => (end ? socket.end(bytes) : socket.write(bytes)));
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      const reply = finalHead(received.toString('latin1'));
      if (reply) finish(reply);
    });
    const closed = (): void => finish({ head: '', closedWithoutReply: true });
    socket.on('end', closed);
    socket.on('close', closed);
    socket.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' || error.code === 'EPIPE' ? closed() : finish(error)));
  });
}

/** The first complete response head whose status is not informational (100 Continue and the like). */
function finalHead(text: string): RawReply | Error | undefined {
  let rest = text;
  for (;;) {
    const end = rest.indexOf('\r\n\r\n');
    if (end < 0) return undefined;
    const head = rest.slice(0, end);
    const match = /^HTTP\/1\.[01] (\d{3}) /.exec(head);
    if (!match) return new Error(`not an HTTP response: ${JSON.stringify(head.slice(0, 120))}`);
    const status = Number(match[1]);
    if (status >= 200) return { status, head, closedWithoutReply: false };
    rest = rest.slice(end + 4);
  }
}

/** Opens a connection and leaves it idle; the caller closes it. */
export function idleConnection(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port }, () => resolve(socket));
    socket.on('error', reject);
  });
}
