import type { OutboundContent } from '../contentKinds';
import type { RuntimeCaps, Scope } from '../defineRuntime';
import type { MessageContent } from './messageContent';

/** A configured message with its placeholders filled in. */
export function renderContent(m: MessageContent, scope: Scope, caps: RuntimeCaps): OutboundContent {
  const r = (s: string) => caps.render(s, scope);
  const opt = (s: string | undefined) => (s?.trim() ? { value: r(s) } : undefined);
  const lines = (c: { header?: string | undefined; footer?: string | undefined }) => {
    const header = opt(c.header);
    const footer = opt(c.footer);
    return { ...(header ? { header: header.value } : {}), ...(footer ? { footer: footer.value } : {}) };
  };
  switch (m.kind) {
    case 'text':
      return { kind: 'text', text: r(m.text), previewUrl: m.previewUrl };
    case 'media': {
      const caption = opt(m.caption);
      return {
        kind: 'media',
        mediaType: m.mediaType,
        url: caps.render(m.url, scope, encodeURI),
        ...(caption ? { caption: caption.value } : {}),
        ...(m.filename ? { filename: m.filename } : {}),
      };
    }
    case 'buttons':
      return { kind: 'buttons', ...lines(m), body: r(m.body), buttons: m.buttons.map((b) => ({ id: b.id, title: b.title })) };
    case 'list':
      return {
        kind: 'list',
        ...lines(m),
        body: r(m.body),
        buttonLabel: m.buttonLabel,
        sections: m.sections.map((s) => ({
          ...(s.title ? { title: s.title } : {}),
          rows: s.rows.map((row) => ({ id: row.id, title: row.title, ...(row.description ? { description: row.description } : {}) })),
        })),
      };
  }
}
