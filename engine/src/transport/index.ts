export { WorkspaceTransport, sandboxWamid, type SenderInfo, type SendOptions, type Transport } from './transport';
export { toCloudMessage, type CloudMessageResult } from './toCloudMessage';
