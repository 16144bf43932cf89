import type { CompileContext } from '../compileContext';
import { refs } from '../compileContext';
import type { ActionRef, StateJson } from '../machineJson';

/** Every trigger: keep the payload the run started with (then run `more`), then leave by `next`. */
export function compileTrigger(ctx: CompileContext, ...more: ActionRef[]): StateJson {
  return { entry: ctx.enter(refs.captureTrigger(ctx.nodeId), ...more), always: [ctx.via('next')] };
}
