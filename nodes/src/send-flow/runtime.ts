import { durationToMs } from '@tandem/shared';
import { defineRuntime, type Scope, type ValueChanges } from '../defineRuntime';
import { saveTo } from '../common/saveTarget';
import type { SendFlowConfig } from './definition';
import { FLOW_REPLY } from './inbound';

export const sendFlowRuntime = defineRuntime<SendFlowConfig>({
  whenHumanActive: (c) => c.whenHumanActive,
  waitingFor: () => ({ for: 'reply' }),
  armsTimers: true,
  message(c, _purpose, scope, caps) {
    const r = (s: string) => caps.render(s, scope);
    const line = (s: string | undefined) => (s?.trim() ? r(s) : undefined);
    const header = line(c.header);
    const footer = line(c.footer);
    const token = flowToken(scope, c);
    const data = Object.fromEntries(c.data.map((d) => [d.key, r(d.value)]));
    const t = c.outsideWindow;
    return {
      kind: 'flow',
      flowId: c.flow.id,
      flowName: c.flow.name,
      token,
      ...(header ? { header } : {}),
      body: r(c.body),
      ...(footer ? { footer } : {}),
      cta: c.cta,
      screen: c.screen,
      ...(c.data.length ? { data } : {}),
      ...(t
        ? {
            outsideWindow: {
              kind: 'template' as const,
              name: t.name,
              language: t.language,
              category: t.category,
              body: t.body.map((text) => ({ text: r(text) })),
              buttons: [
                { index: t.buttonIndex, subType: 'flow' as const, flowToken: token, flowId: c.flow.id, ...(c.data.length ? { flowActionData: data } : {}) },
              ],
            },
          }
        : {}),
    };
  },
  /** The reply counts when it is a submitted Flow carrying this step's token: an older form's answers do not. */
  answer(c, message, scope) {
    if (message.kind !== FLOW_REPLY) return { ok: false, reason: 'not a submitted Flow' };
    const { flow_token: token, ...answers } = message.data ?? {};
    if (token !== flowToken(scope, c)) return { ok: false, reason: 'the answers of another Flow message' };
    return { ok: true, value: answers };
  },
  save(c, value) {
    const answers = (value ?? {}) as Record<string, unknown>;
    const changes: ValueChanges = {};
    for (const a of c.answers) {
      if (!(a.field in answers)) continue;
      const part = saveTo(a.saveTo, answers[a.field]);
      if (part.vars) changes.vars = { ...changes.vars, ...part.vars };
      if (part.contact) changes.contact = { ...changes.contact, ...part.contact };
    }
    return changes;
  },
  timer: (c, _kind, { now }) => ({ at: new Date(now.getTime() + (c.timeout ? durationToMs(c.timeout) : 0)) }),
});

/** Names the run and step a Flow message belongs to; Meta hands it back with the answers. */
function flowToken(scope: Scope, c: SendFlowConfig): string {
  return `tandem.${scope.runId ?? 'preview'}.${c.flow.id}`;
}
