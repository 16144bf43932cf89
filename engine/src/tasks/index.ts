export * from './deps';
export * from './payloads';
export * from './createTaskList';
export { ingestInbound, STALE_AFTER_MS } from './ingestInbound';
export { applyBusinessEvent } from './businessEvent';
export { sendMessage } from './sendMessage';
export { GuardedHttpCaller, isPrivateAddress, type HttpCaller, type HttpResult } from './httpCaller';
export { sweepTimers, fireTimers } from './timers';
