import { defineRuntime } from '../defineRuntime';
import { renderContent } from '../common/renderContent';
import type { SendMessageConfig } from './definition';

export const sendMessageRuntime = defineRuntime<SendMessageConfig>({
  message: (c, _purpose, scope, caps) => renderContent(c.message, scope, caps),
});
