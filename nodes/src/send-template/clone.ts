import type { NodeClone } from '../nodeClone';

type SavedTemplate = { name: string; language: string; category: string };

/** The template is named by name and language; the target workspace may know it by others. */
export const sendTemplateClone: NodeClone = {
  refs: (data) => {
    const t = data.template as SavedTemplate | undefined;
    return t ? { templates: [t] } : {};
  },
  remap: (data, mapping) => {
    const t = data.template as SavedTemplate | undefined;
    const m = t && mapping.templates.find((x) => x.from.name === t.name && x.from.language === t.language);
    return m ? { ...data, template: { ...t, name: m.to.name, language: m.to.language } } : data;
  },
};
