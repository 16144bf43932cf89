import type { z } from 'zod';
import { createCompileContext } from '../src/compileContext';
import type { NodeDefinition } from '../src/defineNode';
import type { StateJson } from '../src/machineJson';
import { parseNodeConfig } from '../src/parseConfig';

/** Parses settings the way the checker does and fails loudly when they are invalid. */
export function configOf<S extends z.ZodType>(def: NodeDefinition<S>, data: unknown): z.output<S> {
  const parsed = parseNodeConfig(def as unknown as NodeDefinition, data);
  if (!parsed.ok) throw new Error(`invalid config: ${parsed.issues.map((i) => i.message).join('; ')}`);
  return parsed.config as z.output<S>;
}

/** Messages of the issues a config produces, for asserting what a marketer would read. */
export function issuesOf(def: NodeDefinition<z.ZodType>, data: unknown): string[] {
  const parsed = parseNodeConfig(def as unknown as NodeDefinition, data);
  return parsed.ok ? [] : parsed.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

/** Compiles one node with its ports wired to `<port>_target` (or only those listed). */
export function compileWith<S extends z.ZodType>(def: NodeDefinition<S>, data: unknown, connected?: string[]): StateJson {
  const config = configOf(def, data);
  const ports = connected ?? def.ports(config).map((p) => p.id);
  return def.compile(config, createCompileContext('n1', new Map(ports.map((p) => [p, `${p}_target`]))));
}

export const portIds = <S extends z.ZodType>(def: NodeDefinition<S>, data: unknown) => def.ports(configOf(def, data)).map((p) => p.id);
