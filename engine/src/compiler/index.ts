export { loadFlow, type LoadedFlow, type LoadedNode } from './loadFlow';
export { buildGraph, type FlowGraph } from './graph';
export { validateFlow, type ValidateOptions, type ValidationResult } from './validateFlow';
export { compileFlow, type CompileResult, type MachineConfig, type RunContextJson } from './compileFlow';
export type { WindowProof } from './checks/windowProof';
export type { NodeVariables } from './checks/references';
