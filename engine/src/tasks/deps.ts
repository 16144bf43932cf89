import type { EngineStore } from '../runtime/ports';
import type { Interpreter } from '../runtime/interpreter';
import type { Transport } from '../transport/transport';
import type { HttpCaller } from './httpCaller';

/** Structured logging the engine needs; the server passes pino. Never log secrets or message text. */
export interface EngineLogger {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}

export interface EngineDeps {
  store: EngineStore;
  interpreter: Interpreter;
  transport: Transport;
  http: HttpCaller;
  logger: EngineLogger;
}

export const silentLogger: EngineLogger = { info: () => {}, warn: () => {}, error: () => {} };
