import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startCloudApiStandIn, type CloudApiStandIn } from '@tandem/engine/whatsapp/stand-in';
import type { InboundMessage } from '@tandem/shared';
import { createEngineDeps } from '../../src/engineDeps';
import { SecretBox, generateKey } from '../../src/security/secretBox';
import { createWorkspace, advanceClock, type NewWorkspace } from '../../src/services/workspaces';
import { createFlow, publishFlow } from '../../src/services/flows';
import { startWorker, type Worker } from '../../src/worker/startWorker';
import { privateNetworksPolicy } from '../../src/worker/privateNetworks';
import { testDatabase } from './testDatabase';

const PHONE_NUMBER_ID = '106540352242922';
const ACCESS_TOKEN = 'test-access-token-123';

const examplesDir = join(import.meta.dirname, '..', '..', '..', 'engine', 'examples');
export const example = (name: string) => JSON.parse(readFileSync(join(examplesDir, `${name}.json`), 'utf8')) as Record<string, unknown>;

/** A real Postgres, a real graphile-worker with the engine's tasks, and the Cloud API stand-in. */
export async function startEngineHarness(options: { concurrency?: number; workspace?: Partial<NewWorkspace>; inProcessWorker?: boolean } = {}) {
  const db = await testDatabase();
  const standIn: CloudApiStandIn = await startCloudApiStandIn({ tokens: { [PHONE_NUMBER_ID]: ACCESS_TOKEN } });
  const secretKey = generateKey();
  const secrets = new SecretBox(secretKey);
  const deps = createEngineDeps(db.pool, secrets, { whatsappApiBaseUrl: standIn.url, whatsappApiVersion: 'v24.0' });
  let runner: Worker | undefined;
  const start = async () => {
    runner = await startWorker({
      pool: db.pool,
      deps,
      tasks: { allowPrivateNetworks: privateNetworksPolicy(db.pool) },
      concurrency: options.concurrency ?? 4,
      pollInterval: 100,
    });
  };
  if (options.inProcessWorker !== false) await start();
  const workspaceId = await createWorkspace(db.db, secrets, {
    name: 'Lucky Shrub',
    transport: 'cloud',
    phoneNumberId: PHONE_NUMBER_ID,
    accessToken: ACCESS_TOKEN,
    displayPhoneNumber: '15550783881',
    ...options.workspace,
  });
  await startInTheMorning(db.db, workspaceId);
  const q = async <T extends Record<string, unknown>>(text: string, params: unknown[] = []) => (await db.pool.query<T>(text, params)).rows;
  const addJob = (task: string, payload: unknown) => db.pool.query('SELECT graphile_worker.add_job($1, $2::json)', [task, JSON.stringify(payload)]);
  let seq = 0;

  const h = {
    db,
    standIn,
    deps,
    secrets,
    secretKey,
    workspaceId,
    q,
    async publish(document: Record<string, unknown>): Promise<string> {
      const flowId = await createFlow(db.db, workspaceId, document);
      await publishFlow(db.db, workspaceId, flowId, 'test');
      return flowId;
    },
    /** The workspace clock (it starts at 09:00 UTC and runs ahead after `advance`). */
    async now(): Promise<Date> {
      return (await q<{ now: Date }>(`SELECT now() + clock_offset_ms * interval '1 millisecond' AS now FROM workspaces WHERE id = $1`, [workspaceId]))[0]!.now;
    },
    /** The contact writes to us: the event as the webhook parser hands it to the `apply-events` job. */
    async inbound(waId: string, text: string, extra: Partial<InboundMessage> = {}) {
      const now = await h.now();
      const message: InboundMessage = { wamid: `wamid.test.${++seq}.${Date.now()}`, kind: 'text', text, at: now.toISOString(), ...extra };
      const { wamid, at, kind, ...rest } = message;
      const event = { eventType: 'inbound', wamid, at, from: { waId, profileName: 'Sheena Nelson' }, type: kind, kind, ...rest, content: { text } };
      await addJob('apply-events', { workspaceId, events: [event] });
      return wamid;
    },
    async event(waId: string, name: string, payload: Record<string, unknown>) {
      await addJob('business-event', { workspaceId, contact: { waId }, name, payload });
    },
    async advance(ms: number) {
      await advanceClock(db.db, workspaceId, ms);
    },
    /** Sends the stand-in accepted, in order, as [to, what] pairs. */
    sent(): { to: string; type: string; text?: string; template?: string; params?: string[]; body: Record<string, unknown> }[] {
      return standIn
        .received()
        .filter((r) => r.response.status === 200 && (r.body as { type?: string }).type !== undefined)
        .map((r) => {
          const b = r.body as Record<string, any>;
          return {
            to: b.to,
            type: b.type,
            ...(b.type === 'text' ? { text: b.text.body } : {}),
            ...(b.type === 'interactive' ? { text: b.interactive.body.text } : {}),
            ...(b.type === 'template'
              ? {
                  template: b.template.name,
                  params: (b.template.components ?? []).filter((c: any) => c.type === 'body').flatMap((c: any) => c.parameters.map((p: any) => p.text)),
                }
              : {}),
            body: b,
          };
        });
    },
    async run(waId: string) {
      const rows = await q<{ id: number; status: string; current_node: string; waiting_for: string | null; outcome: string | null; end_reason: string | null }>(
        `SELECT r.id, r.status, r.current_node, r.waiting_for, r.outcome, r.end_reason FROM runs r JOIN contacts c ON c.id = r.contact_id WHERE c.wa_id = $1 ORDER BY r.id DESC LIMIT 1`,
        [waId],
      );
      return rows[0];
    },
    /** Waits until no job is due or running (held sends and future timers do not count). */
    async idle(timeoutMs = 20_000) {
      await waitFor(
        async () => {
          // A running job has already counted its attempt: a one-attempt job (mark-read, http-request) is running while locked.
          const [row] = await q<{ n: number }>(
            `SELECT (SELECT count(*)::int FROM graphile_worker._private_jobs WHERE run_at <= now() AND (attempts < max_attempts OR locked_at IS NOT NULL))
              + (SELECT count(*)::int FROM messages WHERE send_after <= now())
              + (SELECT count(*)::int FROM webhook_events WHERE processed_at IS NULL AND next_attempt_at <= now()) AS n`,
          );
          return row!.n === 0;
        },
        timeoutMs,
        'the worker to finish its jobs',
      );
    },
    async stopWorker() {
      await runner?.stop();
      runner = undefined;
    },
    async restartWorker() {
      await start();
    },
    async close() {
      await runner?.stop();
      await standIn.close();
      await db.drop();
    },
  };
  return h;
}

export type EngineHarness = Awaited<ReturnType<typeof startEngineHarness>>;

/** Polls a condition (every 25 ms) until it holds. Waiting for a state, not for a duration. */
/**
 * Moves the workspace clock forward to the next 09:00 UTC, so a test's journey starts at the same
 * time of day whenever the suite runs (flows with quiet hours would otherwise depend on the hour).
 */
export async function startInTheMorning(db: Parameters<typeof advanceClock>[0], workspaceId: string): Promise<void> {
  const now = new Date();
  const morning = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 9));
  if (morning.getTime() <= now.getTime()) morning.setUTCDate(morning.getUTCDate() + 1);
  await advanceClock(db, workspaceId, morning.getTime() - now.getTime());
}

export async function waitFor(check: () => Promise<boolean> | boolean, timeoutMs = 20_000, what = 'a condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
