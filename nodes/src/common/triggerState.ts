import type { CompileContext } from '../compileContext';
import { refs } from '../compileContext';
import type { StateJson } from '../machineJson';

/** Every trigger: keep the payload the run started with, then leave by `next`. */
export function compileTrigger(ctx: CompileContext): StateJson {
  return { entry: ctx.enter(refs.captureTrigger(ctx.nodeId)), always: [ctx.via('next')] };
}
