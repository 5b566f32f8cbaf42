// Loaded with --require into every process of the cell soak (laptops and relay) before the core starts: each TLS
// dial to a peer's sync address goes to the driver's proxy for that link instead, as TOCSIN_SOAK_ROUTES maps them
// ("127.0.0.5:41234" → "127.0.0.1:39001"). The core dials the addresses the cell document lists; the proxy is the
// wire between two laptops that the driver cuts and restores. Nothing else of the process is touched.
import tls from 'node:tls';

const routes = JSON.parse(process.env.TOCSIN_SOAK_ROUTES ?? '{}') as Record<string, string>;
const direct = tls.connect;

const call = direct as (...args: unknown[]) => tls.TLSSocket;

function routed(...args: unknown[]): tls.TLSSocket {
  const options = args[0] as tls.ConnectionOptions | undefined;
  if (options && typeof options === 'object' && options.host !== undefined) {
    const to = routes[`${options.host}:${options.port}`];
    if (to) {
      const at = to.lastIndexOf(':');
      return call({ ...options, host: to.slice(0, at), port: Number(to.slice(at + 1)) }, ...args.slice(1));
    }
  }
  return call(...args);
}

tls.connect = routed as typeof tls.connect;
