export { decideSend, quietHoursEnd, type SendDecision, type SendRequest } from './sendPolicy';
