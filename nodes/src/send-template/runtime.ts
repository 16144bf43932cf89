import { defineRuntime } from '../defineRuntime';
import type { SendTemplateConfig } from './definition';

export const sendTemplateRuntime = defineRuntime<SendTemplateConfig>({
  whenHumanActive: (c) => c.whenHumanActive,
  waitingFor: () => ({ for: 'send' }),
  message(c, _purpose, scope, caps) {
    const header =
      c.header.type === 'none'
        ? undefined
        : c.header.type === 'text'
          ? { type: 'text' as const, text: caps.render(c.header.text, scope) }
          : { type: c.header.type, url: caps.render(c.header.url, scope, encodeURI) };
    return {
      kind: 'template',
      name: c.template.name,
      language: c.template.language,
      category: c.template.category,
      ...(header ? { header } : {}),
      body: c.body.map((p) => ({ ...(p.name ? { name: p.name } : {}), text: caps.render(p.value, scope) })),
      buttons: c.buttons.map((b) => ({
        index: b.index,
        subType: b.type,
        value: caps.render(b.value, scope, b.type === 'url' ? encodeURIComponent : undefined),
        ...(b.index === c.optOutButton ? { optOut: true } : {}),
      })),
    };
  },
});
