import type { NodeClone } from '../nodeClone';
import { renameSaveTarget, savedAttribute } from '../common/saveTarget';

type Saved = { outsideWindow?: { name: string; language: string; category: string } | null; answers?: { field: string; saveTo: unknown }[] };

/** The outside-window template and the attributes answers are saved to. The Flow itself belongs to the WABA and is kept. */
export const sendFlowClone: NodeClone = {
  refs: (data) => {
    const d = data as Saved;
    const attributes = (d.answers ?? []).flatMap((a) => {
      const name = savedAttribute(a.saveTo);
      return name ? [name] : [];
    });
    return { ...(d.outsideWindow ? { templates: [d.outsideWindow] } : {}), ...(attributes.length ? { attributes } : {}) };
  },
  remap: (data, mapping) => {
    const d = data as Saved;
    const t = d.outsideWindow;
    const m = t && mapping.templates.find((x) => x.from.name === t.name && x.from.language === t.language);
    return {
      ...data,
      ...(m && t ? { outsideWindow: { ...t, name: m.to.name, language: m.to.language } } : {}),
      ...(d.answers ? { answers: d.answers.map((a) => ({ ...a, saveTo: renameSaveTarget(a.saveTo, mapping.attributes) })) } : {}),
    };
  },
};
