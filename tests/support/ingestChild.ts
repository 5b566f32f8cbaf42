// Child process of the kill test: ingests numbered batches forever through the real ingestion path and
// prints `ACK <batch>` after each commit. The parent kills it with SIGKILL at a random moment; only
// printed batches count as acknowledged.
import { writeSync } from 'node:fs';
import { systemClock } from '../../src/main/platform/clock';
import { sourceLanguageEnricher } from '../../src/main/features/mentions/enricher';
import { IngestService } from '../../src/main/features/mentions/ingestService';
import { KeyRing } from '../../src/main/platform/security/keyRing';
import { WorkspaceStore } from '../../src/main/platform/workspaces/workspaceStore';

const [dataDir, sourceIdArg, run] = process.argv.slice(2) as [string, string, string];
const BATCH = 40;
const store = new WorkspaceStore(dataDir, new KeyRing(dataDir), systemClock);
const ingest = new IngestService({ workspaces: store, enricher: sourceLanguageEnricher, clock: systemClock });

const texts = [
  'La banque a subi une fuite de données, scandale !',
  'Bank data leak: customers furious #boycott',
  'Rien à voir avec la banque, belle journée au bord du lac',
  'Fuite confirmée par la direction, clients inquiets',
];

writeSync(1, 'READY\n');
for (let batch = 0; ; batch++) {
  const base = Date.now() - 3_600_000;
  const mentions = Array.from({ length: BATCH }, (_, i) => ({
    externalId: `${run}-${batch}-${i}`,
    author: { handle: `@client${i}`, audience: (i * 997) % 50_000, kind: 'public' },
    text: `${texts[i % texts.length]} (${run}/${batch}/${i})`,
    language: i % 2 ? 'en' : 'fr',
    publishedAt: new Date(base + ((batch * BATCH + i) % 3600) * 1000).toISOString(),
  }));
  ingest.ingestNow('live', Number(sourceIdArg), mentions);
  // Written synchronously after the commit returned: an ACK can be lost in the kill, never sent early.
  writeSync(1, `ACK ${batch}\n`);
}
