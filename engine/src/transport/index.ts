export { WorkspaceTransport, sandboxWamid, type SenderInfo, type Transport } from './transport';
export { toCloudMessage, type CloudMessageResult } from './toCloudMessage';
