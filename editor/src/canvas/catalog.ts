import { definitionOf, nodeCategories, nodeTypes, type NodeCategory, type NodeType } from '@tandem/nodes';

const categoryTitles: Record<NodeCategory, string> = {
  trigger: 'Triggers',
  message: 'Messages',
  logic: 'Logic',
  human: 'Human',
  flow: 'Flow',
};

/** One step type as the palette and the step picker show it. */
interface StepChoice {
  type: NodeType;
  label: string;
  description: string;
  icon: string;
  category: NodeCategory;
}

export interface StepGroup {
  category: NodeCategory;
  title: string;
  steps: StepChoice[];
}

/** Every step type, grouped by category in the palette's order. */
export function stepCatalog(): StepGroup[] {
  return nodeCategories.map((category) => ({
    category,
    title: categoryTitles[category],
    steps: nodeTypes
      .map((type) => ({ type, def: definitionOf(type) }))
      .filter(({ def }) => def.category === category)
      .map(({ type, def }) => ({ type, label: def.label, description: def.description, icon: def.icon, category })),
  }));
}

/**
 * The step picker's list: the catalog filtered by a query (every word must occur in the step's
 * name, description or group), the best-matching names first; empty groups left out. Steps added after another
 * cannot be triggers (nothing leads into a trigger).
 */
export function searchCatalog(query: string, options: { triggers: boolean }): StepGroup[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return (
    stepCatalog()
      .filter((g) => options.triggers || g.category !== 'trigger')
      .map((g) => {
        const scored = g.steps.flatMap((step) => {
          const label = step.label.toLowerCase();
          const text = `${label} ${step.description.toLowerCase()} ${g.title.toLowerCase()}`;
          if (!words.every((w) => text.includes(w))) return [];
          const score = words.length === 0 ? 0 : words.every((w) => label.includes(w)) ? (label.startsWith(words[0]!) ? 0 : 1) : 2;
          return [{ step, score }];
        });
        scored.sort((a, b) => a.score - b.score);
        return { group: { ...g, steps: scored.map((s) => s.step) }, best: scored[0]?.score ?? 3 };
      })
      .filter((g) => g.group.steps.length > 0)
      // The group with the best match comes first, so Enter picks what the words name.
      .sort((a, b) => a.best - b.best)
      .map((g) => g.group)
  );
}
