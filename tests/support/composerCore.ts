// Composer helpers for tests on a core built with `loopbackComposerTuning` (see testCore).
import type { Core } from '../../src/main/app/createCore';
import type { StatementDetail } from '../../src/shared/domain/statement';
import { invoke } from './testCore';

export const WS = 'live';
export const INCIDENT = '6f1c1a52-3f0e-4f43-9d8e-1d2a52c7b001';

/** Drafts a statement and gets the two approvals a public statement needs (two different people). */
export async function draftAndApprove(
  core: Core,
  content: { title: string; textFr?: string; textEn?: string; channels: ('mastodon' | 'bluesky' | 'linkedin' | 'x')[] },
): Promise<StatementDetail> {
  const draft = await invoke(core, 'composer:create', {
    workspaceId: WS,
    statement: { incidentId: INCIDENT, kind: 'holding', author: 'Camille (community manager)', ...content },
  });
  const hash = draft.statement.contentHash;
  await invoke(core, 'composer:approve', {
    workspaceId: WS,
    statementId: draft.statement.id,
    approver: { person: 'Alice Martin', role: 'crisisLead' },
    contentHash: hash,
  });
  return invoke(core, 'composer:approve', {
    workspaceId: WS,
    statementId: draft.statement.id,
    approver: { person: 'Bruno Keller', role: 'legal' },
    contentHash: hash,
  });
}

export async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
