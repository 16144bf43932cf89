import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startCloudApiStandIn } from '@tandem/engine/whatsapp/stand-in';
import { processCpuSeconds } from './measure';

/**
 * The Cloud API stand-in in a process of its own, as Meta is in production: the benchmarks count
 * the CPU Tandem's process spends, and Meta's side of every request (parsing, checking, recording)
 * is not Tandem's. Its own CPU is reported beside Tandem's.
 */
export interface StandInProcess {
  url: string;
  acceptedCount(): Promise<number>;
  /** CPU seconds the stand-in's process used so far. */
  cpuSeconds(): number;
  close(): Promise<void>;
}

type Request = { id: number; op: 'count' };
type Reply = { id: number; count?: number } | { url: string };

/** `nice`: run it at that lower CPU priority (it plays Meta, whose CPU is not on our box), through nice(1) so every thread has it. */
export async function startStandInProcess(tokens: Record<string, string>, nice = 0): Promise<StandInProcess> {
  const child: ChildProcess = fork(fileURLToPath(import.meta.url), [JSON.stringify(tokens)], {
    ...(nice ? { execPath: 'nice' } : {}),
    execArgv: [...(nice ? ['-n', String(nice), process.execPath] : []), '--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const waiting = new Map<number, (reply: { count?: number }) => void>();
  let next = 0;
  const url = await new Promise<string>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the stand-in process exited (${code})`)));
    child.on('message', (reply: Reply) => {
      if ('url' in reply) return resolve(reply.url);
      waiting.get(reply.id)?.(reply);
      waiting.delete(reply.id);
    });
  });
  const ask = (op: Request['op']) =>
    new Promise<{ count?: number }>((resolve) => {
      const id = next++;
      waiting.set(id, resolve);
      child.send({ id, op } satisfies Request);
    });
  return {
    url,
    acceptedCount: async () => (await ask('count')).count ?? 0,
    cpuSeconds: () => processCpuSeconds(child.pid!),
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.removeAllListeners('exit');
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

// As the child: start the stand-in and answer the parent's questions.
if (process.send && process.argv[2] !== undefined && import.meta.url === `file://${process.argv[1]}`) {
  const standIn = await startCloudApiStandIn({ tokens: JSON.parse(process.argv[2]) as Record<string, string> });
  process.on('message', (request: Request) => {
    process.send!({ id: request.id, count: standIn.acceptedCount() } satisfies Reply);
  });
  process.on('disconnect', () => void standIn.close().finally(() => process.exit(0)));
  process.on('SIGTERM', () => void standIn.close().finally(() => process.exit(0)));
  process.send({ url: standIn.url } satisfies Reply);
}
