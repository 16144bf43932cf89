export * from './types';
export * from './ports';
export * from './stepRun';
export * from './interpreter';
export * from './compiledVersion';
export { createFlowMachine, bucket, type FlowMachine } from './flowMachine';
export { contactView } from './contactView';
export { runtimeCaps } from './caps';
export { FOREVER } from '../policy';
