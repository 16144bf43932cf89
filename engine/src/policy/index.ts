export { decideSend, FOREVER, quietHoursEnd, type SendDecision, type SendRequest } from './sendPolicy';
export { echoText, humanHold, type HumanActivity, type HumanHold } from './humanHold';
