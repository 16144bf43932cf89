interface DocLike {
  nodes?: { id: string; type?: string; data?: unknown }[];
  edges?: { source: string; sourceHandle: string; target: string }[];
  settings?: unknown;
}

/** What changed between two versions of a flow, by step id. */
export function versionDiff(before: unknown, after: unknown) {
  const a = before as DocLike;
  const b = after as DocLike;
  const nodesA = new Map((a.nodes ?? []).map((n) => [n.id, JSON.stringify([n.type, n.data])]));
  const nodesB = new Map((b.nodes ?? []).map((n) => [n.id, JSON.stringify([n.type, n.data])]));
  const edge = (e: { source: string; sourceHandle: string; target: string }) => `${e.source}.${e.sourceHandle}>${e.target}`;
  const edgesA = new Set((a.edges ?? []).map(edge));
  const edgesB = new Set((b.edges ?? []).map(edge));
  return {
    added: [...nodesB.keys()].filter((id) => !nodesA.has(id)),
    removed: [...nodesA.keys()].filter((id) => !nodesB.has(id)),
    changed: [...nodesB.keys()].filter((id) => nodesA.has(id) && nodesA.get(id) !== nodesB.get(id)),
    connectionsAdded: [...edgesB].filter((e) => !edgesA.has(e)).length,
    connectionsRemoved: [...edgesA].filter((e) => !edgesB.has(e)).length,
    settingsChanged: JSON.stringify(a.settings ?? {}) !== JSON.stringify(b.settings ?? {}),
  };
}
