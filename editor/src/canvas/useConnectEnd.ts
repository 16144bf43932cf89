import { useCallback } from 'react';
import { useReactFlow, type OnConnectEnd } from '@xyflow/react';
import type { FlowStore } from '../store/flowStore';
import type { PickerRequest } from './useStepPicker';

/**
 * What happens when a connection dragged out of an output is let go of somewhere React Flow did not
 * connect it: over a step's body it goes into that step; over empty canvas the step picker opens
 * there, to add the step it leads to.
 */
export function useConnectEnd(store: FlowStore, readOnly: boolean, openPicker: (request: PickerRequest) => void): OnConnectEnd {
  const rf = useReactFlow();
  return useCallback<OnConnectEnd>(
    (event, state) => {
      if (readOnly || state.isValid || !state.fromNode || state.fromHandle?.type !== 'source' || !state.fromHandle.id) return;
      const point = 'changedTouches' in event ? event.changedTouches[0] : event;
      if (!point) return;
      const from = { source: state.fromNode.id, sourceHandle: state.fromHandle.id };
      const under = document.elementFromPoint(point.clientX, point.clientY);
      const target = under?.closest('.react-flow__node')?.getAttribute('data-id');
      if (target) {
        if (target !== from.source) store.getState().connect({ ...from, target });
      } else if (under?.closest('.react-flow__pane')) {
        const at = { x: point.clientX, y: point.clientY };
        openPicker({ at, from, position: rf.screenToFlowPosition(at, { snapToGrid: true }) });
      }
    },
    [store, readOnly, rf, openPicker],
  );
}
