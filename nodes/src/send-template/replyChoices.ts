import type { TemplateInfo } from '@tandem/shared';
import type { ReplyChoice } from '../defineNode';
import type { SendTemplateConfig } from './definition';

/**
 * The quick-reply buttons of the template the step sends, as the contact taps them: the payload
 * the step sets (Meta sends the button text back when none is set) and the button's text. The
 * opt-out button is not among them: its tap records the opt-out. Empty when the workspace's
 * templates are not known or the template has no quick replies.
 */
export function templateReplyChoices(c: SendTemplateConfig, ctx: { templates?: readonly TemplateInfo[] }): ReplyChoice[] {
  const t = ctx.templates?.find((x) => x.name === c.template.name && x.language === c.template.language);
  if (!t) return [];
  return t.buttons.flatMap((b, index) => {
    if (b.type !== 'QUICK_REPLY' || index === c.optOutButton) return [];
    const payload = c.buttons.find((p) => p.index === index && p.type === 'quick_reply')?.value;
    return [{ id: payload?.trim() ? payload : b.text, label: b.text }];
  });
}
