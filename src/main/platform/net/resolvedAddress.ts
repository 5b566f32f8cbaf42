// Where an allowed host name really points: a name on the allow-list must not resolve to this machine or the
// local network (DNS rebinding turns a public name into 127.0.0.1 or the router). The check runs inside the
// connection's own look-up, so the socket connects to the very address that was checked.
import { lookup as systemLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { inEnglish } from '../i18n/failure';

export type Resolve = (hostname: string) => Promise<readonly LookupAddress[]>;

export const systemResolve: Resolve = (hostname) =>
  new Promise((resolve, reject) => systemLookup(hostname, { all: true }, (error, addresses) => (error ? reject(error) : resolve(addresses))));

export type LocalRange =
  | 'loopback'
  | 'private'
  | 'carrierGradeNat'
  | 'linkLocal'
  | 'uniqueLocal'
  | 'multicast'
  | 'unspecified'
  | 'ipv4Mapped'
  | 'reserved';

const RANGES: readonly (readonly [LocalRange, 'ipv4' | 'ipv6', string, number])[] = [
  ['unspecified', 'ipv4', '0.0.0.0', 8],
  ['private', 'ipv4', '10.0.0.0', 8],
  ['carrierGradeNat', 'ipv4', '100.64.0.0', 10],
  ['loopback', 'ipv4', '127.0.0.0', 8],
  ['linkLocal', 'ipv4', '169.254.0.0', 16],
  ['private', 'ipv4', '172.16.0.0', 12],
  ['reserved', 'ipv4', '192.0.0.0', 24],
  ['private', 'ipv4', '192.168.0.0', 16],
  ['reserved', 'ipv4', '198.18.0.0', 15],
  ['multicast', 'ipv4', '224.0.0.0', 4],
  ['reserved', 'ipv4', '240.0.0.0', 4],
  ['unspecified', 'ipv6', '::', 128],
  ['loopback', 'ipv6', '::1', 128],
  ['ipv4Mapped', 'ipv6', '::ffff:0:0', 96],
  ['uniqueLocal', 'ipv6', 'fc00::', 7],
  ['linkLocal', 'ipv6', 'fe80::', 10],
  ['uniqueLocal', 'ipv6', 'fec0::', 10],
  ['multicast', 'ipv6', 'ff00::', 8],
];

const lists = new Map<LocalRange, BlockList>();
for (const [range, family, network, prefix] of RANGES) {
  let list = lists.get(range);
  if (!list) lists.set(range, (list = new BlockList()));
  list.addSubnet(network, prefix, family);
}

/** The local range an address falls in, or undefined for an address on the public Internet. */
export function localRange(address: string): LocalRange | undefined {
  const version = isIP(address);
  if (version === 0) return undefined;
  const family = version === 4 ? 'ipv4' : 'ipv6';
  // BlockList compares IPv4 and IPv4-mapped IPv6 alike: the mapped range is asked only about IPv6 answers,
  // and first, so that ::ffff:10.0.0.1 is named for what it is.
  const mapped = lists.get('ipv4Mapped')!.check(address, family);
  if (family === 'ipv6' && mapped) return 'ipv4Mapped';
  for (const [range, list] of lists) if (range !== 'ipv4Mapped' && list.check(address, family)) return range;
  return undefined;
}

/** Raised from the connection's look-up: the name resolved to a local address the allow-list entry did not allow. */
export class LocalAddressError extends Error {
  constructor(
    readonly host: string,
    readonly address: string,
    readonly range: LocalRange,
  ) {
    super(inEnglish('platform.network.localAddress', { host, address, range }));
    this.name = 'LocalAddressError';
  }
}

/**
 * A `lookup` for net/tls connections that resolves the name, refuses it if any answer is a local address
 * (unless `localNetwork`), and hands the connection exactly the answers it checked. Address literals never
 * reach a look-up: they are what the allow-list itself names.
 */
export function checkedLookup(resolve: Resolve, localNetwork: boolean): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname).then(
      (answers) => {
        const family = options.family === 4 || options.family === 6 ? options.family : 0;
        const usable = answers.filter((a) => family === 0 || a.family === family);
        if (!localNetwork) {
          for (const answer of answers) {
            const range = localRange(answer.address);
            if (range) return callback(new LocalAddressError(hostname, answer.address, range), '', 0);
          }
        }
        if (usable.length === 0) {
          const error: NodeJS.ErrnoException = new Error(`${hostname} has no address`);
          error.code = 'ENOTFOUND';
          return callback(error, '', 0);
        }
        if (options.all) return (callback as unknown as (e: null, all: LookupAddress[]) => void)(null, [...usable]);
        callback(null, usable[0]!.address, usable[0]!.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, '', 0),
    );
  };
}

/** The local-address refusal somewhere in an error's cause chain (fetch and ws wrap the socket's error). */
export function localAddressCause(error: unknown): LocalAddressError | undefined {
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = (e as Error & { cause?: unknown }).cause, depth++) {
    if (e instanceof LocalAddressError) return e;
  }
  return undefined;
}
