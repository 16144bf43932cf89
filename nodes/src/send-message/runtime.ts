import { defineRuntime } from '../defineRuntime';
import { renderContent } from '../common/renderContent';
import type { SendMessageConfig } from './definition';

export const sendMessageRuntime = defineRuntime<SendMessageConfig>({
  whenHumanActive: (c) => c.whenHumanActive,
  waitingFor: () => ({ for: 'send' }),
  message: (c, _purpose, scope, caps) => renderContent(c.message, scope, caps),
});
