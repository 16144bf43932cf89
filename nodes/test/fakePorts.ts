import type { EffectPorts } from '../src/defineRuntime';

/** Engine ports for effect tests: every call is recorded as plain data, in order. */
export function fakePorts(): { calls: unknown[]; ports: EffectPorts } {
  const calls: unknown[] = [];
  const ports: EffectPorts = {
    openHandoff: async (h) => void calls.push({ openHandoff: h.team }),
    pauseContactUntilReleased: async (reason) => void calls.push({ pause: reason }),
    startFlow: async (flowId, vars) => void calls.push({ startFlow: flowId, vars }),
    acknowledge: async (wamid, options) => void calls.push({ acknowledge: wamid, ...options }),
    reportConversion: async (event) => void calls.push({ reportConversion: event }),
  };
  return { calls, ports };
}
