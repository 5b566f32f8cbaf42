// npm run soak:cell -- [--seeds=10] [--first=1] [--short]
// Convergence under faults: for each seed, four laptops (core processes, own data folders, loopback 127.0.0.1–4)
// and the relay (`npm run relay`'s entry, 127.0.0.5) form a cell, mobilise with acknowledgements from three
// laptops, hand a role over, make 30 checklist changes, write 500 crisis log entries at once and edit, approve and
// publish a statement, while the seed's faults cut wires, pause and SIGKILL laptops
// and SIGKILL the relay; once healed every laptop must hold the same state digest (see scripts/soak/).
// One line per seed: `seed=N pass digest=… faults=… seconds=…` or `seed=N FAIL …` with what did not hold.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { LONG, prepare, runSeed, SHORT } from './soak/cellSoak';

const { values: flags } = parseArgs({ options: { seeds: { type: 'string', default: '10' }, first: { type: 'string', default: '1' }, short: { type: 'boolean', default: false }, verbose: { type: 'boolean', default: false } } });
const seeds = Array.from({ length: Number(flags.seeds) }, (_, i) => Number(flags.first) + i);
// Interrupted, the driver still runs its exit hooks, which stop the relays it started.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));
const work = mkdtempSync(join(tmpdir(), 'tocsin-soak-bundles-'));

async function main(): Promise<void> {
  const bundles = prepare(work);
  let failed = 0;
  for (const seed of seeds) {
    const start = Date.now();
    const note = (line: string): void => void process.stdout.write(`  [${seed} +${((Date.now() - start) / 1000).toFixed(1)}s] ${line}\n`);
    const result = await runSeed(seed, flags.short ? SHORT : LONG, bundles, flags.verbose ? note : undefined);
    if (result.pass) process.stdout.write(`seed=${seed} pass digest=${result.digest} faults=${result.faults.length} seconds=${result.seconds.toFixed(1)}\n`);
    else {
      failed += 1;
      process.stdout.write(`seed=${seed} FAIL digest=${result.digest ?? 'none'} faults=${result.faults.length} seconds=${result.seconds.toFixed(1)}\n`);
      for (const problem of result.problems.slice(0, 20)) process.stdout.write(`  ${problem}\n`);
      process.stdout.write(`  faults: ${result.faults.join(' | ')}\n`);
    }
    for (const line of result.notes) process.stdout.write(`  note: ${line}\n`);
  }
  process.stdout.write(`soak seeds=${seeds.length} passed=${seeds.length - failed} failed=${failed}\n`);
  process.exitCode = failed === 0 ? 0 : 1;
}

main()
  .catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  })
  .finally(() => rmSync(work, { recursive: true, force: true }));
