import type { FlowSummary } from '@tandem/shared/api';

/** Chooses the flow a "Go to flow" step starts, by name; unpublished flows are marked (they cannot start yet). */
export function FlowPicker({
  id,
  path,
  value,
  flows,
  currentFlowId,
  onChange,
}: {
  id: string;
  path: string;
  value: string;
  flows: readonly FlowSummary[];
  currentFlowId: string;
  onChange: (flowId: string) => void;
}) {
  const others = flows.filter((f) => f.id !== currentFlowId);
  const known = others.some((f) => f.id === value);
  return (
    <select id={id} data-path={path} data-testid="flow-picker" value={known ? value : ''} onChange={(e) => onChange(e.target.value)}>
      {!known && <option value="">{value ? `${value} — not in this workspace` : 'Pick a flow…'}</option>}
      {others.map((f) => (
        <option key={f.id} value={f.id}>
          {f.name}
          {f.liveVersion ? '' : ' (not published)'}
        </option>
      ))}
    </select>
  );
}
