import type { Logger } from 'pino';
import type { Env } from '../config/env';
import type { Database } from '../db/database';
import type { SecretBox } from '../security/secretBox';

/** What request handlers may use. */
export interface AppContext {
  database: Database;
  secrets: SecretBox;
  env: Env;
  logger: Logger;
  /** Folder of the built editor to serve at `/`, when there is one. */
  editorDir?: string;
  /** Readiness: migrations done and the database reachable. */
  ready(): Promise<boolean>;
}
