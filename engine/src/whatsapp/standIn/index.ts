export {
  startCloudApiStandIn,
  type CloudApiStandIn,
  type CloudApiStandInOptions,
  type FailNextOptions,
  type RecordedRequest,
} from './startCloudApiStandIn';
export type { StandInFlow } from './serveFlows';
export type { StandInPhoneNumber } from './servePhoneNumber';
