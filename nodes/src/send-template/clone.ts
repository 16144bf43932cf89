import type { NodeClone } from '../nodeClone';
import type { TemplateInfo } from '@tandem/shared';
import { applyTemplate, isOptOutText } from './applyTemplate';

type ButtonSetting = { index: number; type: string; value: unknown };
const norm = (text: string) => text.trim().toLowerCase();

/**
 * The button settings carried to the target's copy of the template. A quick reply keeps its
 * payload (which a later question may branch on) on the target button with the same text, else on
 * the button at the same position unless one of the two means "stop promotions" and the other does
 * not; other quick replies get payloads named after their text. Typed url and code values keep
 * their positions.
 */
function carriedButtons(saved: unknown, source: TemplateInfo | undefined, target: TemplateInfo): ButtonSetting[] {
  const old = (Array.isArray(saved) ? saved : []) as ButtonSetting[];
  const typed = old.filter((b) => b.type !== 'quick_reply');
  const quick = target.buttons.flatMap((b, index): ButtonSetting[] => {
    if (b.type !== 'QUICK_REPLY') return [];
    const sameText = source ? source.buttons.findIndex((s) => s.type === 'QUICK_REPLY' && norm(s.text) === norm(b.text)) : -1;
    const sourceAt = source?.buttons[index];
    const samePlace = !sourceAt || isOptOutText(sourceAt.text) === isOptOutText(b.text) ? index : -1;
    const from = old.find((p) => p.type === 'quick_reply' && p.index === (sameText >= 0 ? sameText : samePlace));
    return from ? [{ index, type: 'quick_reply', value: from.value }] : [];
  });
  return [...typed, ...quick];
}

type SavedTemplate = { name: string; language: string; category: string };

/**
 * The template is named by name and language; the target workspace may know it by others. When
 * the target's copy is known, the body values, header, button settings and opt-out position are
 * derived again from it, so a 3-button setting does not ride into a brand whose template has 2
 * buttons, and "Stop promotions" still records the opt-out wherever that brand put it.
 */
export const sendTemplateClone: NodeClone = {
  refs: (data) => {
    const t = data.template as SavedTemplate | undefined;
    return t ? { templates: [t] } : {};
  },
  remap: (data, mapping) => {
    const t = data.template as SavedTemplate | undefined;
    if (!t) return data;
    const m = mapping.templates.find((x) => x.from.name === t.name && x.from.language === t.language);
    const to = m ? { name: m.to.name, language: m.to.language } : { name: t.name, language: t.language };
    const info = mapping.targetTemplates?.find((x) => x.name === to.name && x.language === to.language);
    if (info) {
      const source = mapping.sourceTemplates?.find((x) => x.name === t.name && x.language === t.language);
      return applyTemplate({ ...data, buttons: carriedButtons(data.buttons, source, info) }, info);
    }
    return m ? { ...data, template: { ...t, ...to } } : data;
  },
};
