import type pg from 'pg';
import { Interpreter } from '@tandem/engine/runtime';
import { GuardedHttpCaller, silentLogger, type EngineDeps, type EngineLogger } from '@tandem/engine/tasks';
import { WorkspaceTransport } from '@tandem/engine/transport';
import { CloudApiClient } from '@tandem/engine/whatsapp';
import { PgStore } from './store/pgStore';
import type { SecretBox } from './security/secretBox';

export interface EngineConfig {
  whatsappApiBaseUrl: string;
  whatsappApiVersion: string;
  logger?: EngineLogger;
}

/** Wires the engine to Postgres, the Cloud API and HTTP. */
export function createEngineDeps(pool: pg.Pool, secrets: SecretBox, config: EngineConfig): EngineDeps {
  const store = new PgStore(pool, secrets);
  return {
    store,
    interpreter: new Interpreter(store),
    transport: new WorkspaceTransport(new CloudApiClient({ baseUrl: config.whatsappApiBaseUrl, apiVersion: config.whatsappApiVersion })),
    http: new GuardedHttpCaller(),
    logger: config.logger ?? silentLogger,
  };
}
