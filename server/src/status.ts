import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** How many example flows ship with the engine. */
export function exampleCount(): number {
  const dir = fileURLToPath(new URL('../../engine/examples', import.meta.url));
  return readdirSync(dir).filter((f) => f.endsWith('.json')).length;
}
