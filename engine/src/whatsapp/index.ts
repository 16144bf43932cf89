export { classifyError, type ErrorClassification, type ErrorHandling } from './classifyError';
export {
  CloudApiClient,
  type CloudApiAccount,
  type CloudApiClientOptions,
  type CloudApiCredentials,
  type ConversionsDataset,
  type ConversionsOutcome,
  type MetaFlowSummary,
} from './cloudApiClient';
export {
  conversionEventSchema,
  conversionsRequestSchema,
  withinAttributionWindow,
  type ConversionEvent,
  type ConversionsRequest,
} from './conversionsPayload';
export {
  cloudApiErrorEnvelopeSchema,
  readCloudApiError,
  TRANSPORT_ERROR_CODE,
  type CloudApiError,
  type CloudApiErrorEnvelope,
} from './cloudApiError';
export { interactiveSchema, type Interactive } from './interactivePayload';
export { e164Schema, markReadSchema, outboundMessageSchema, type MarkRead, type OutboundMessage } from './outboundPayload';
export type { CloudApiFailure, MarkReadOutcome, SendAccepted, SendOutcome } from './sendOutcome';
export { templateSchema, type Template } from './templatePayload';
