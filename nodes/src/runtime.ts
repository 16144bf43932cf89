/** Server-side entry: node runtimes. The editor imports `@tandem/nodes` and never this. */
export * from './defineRuntime';
export * from './runtimes';
export { nextLocalTime, wallTime, zonedInstant } from './common/zonedTime';
export { parseDate, parseEmail, parseNumber, parsePhone } from './common/answers';
export { valueAtPath } from './common/valuePath';
