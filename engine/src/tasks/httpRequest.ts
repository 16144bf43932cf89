import type { z } from 'zod';
import type { EngineDeps } from './deps';
import type { httpPayloadSchema } from './payloads';

/** The `http-request` job: calls the service, then moves the run on with the response or the error. */
export async function runHttpRequest(p: z.infer<typeof httpPayloadSchema>, deps: EngineDeps, allowPrivateNetworks: boolean): Promise<void> {
  const result = await deps.http.call(p.request, { allowPrivateNetworks });
  deps.logger.info(
    { runId: p.runId, nodeId: p.nodeId, ok: result.ok, ...(result.ok ? { status: result.response.status } : { code: result.code }) },
    'http request done',
  );
  await deps.store.transaction(async (tx) => {
    const locked = (await tx.lockContacts([p.contactId])).get(p.contactId);
    if (!locked) return;
    await deps.interpreter.onRunSignal(
      tx,
      locked,
      result.ok
        ? { type: 'effect', runId: p.runId, node: p.nodeId, step: p.step, outcome: 'ok', data: result.response }
        : { type: 'effect', runId: p.runId, node: p.nodeId, step: p.step, outcome: 'error', error: { code: result.code, message: result.message } },
    );
  });
}
