import { memo } from 'react';
import { BaseEdge, EdgeLabelRenderer, getSmoothStepPath, type EdgeProps } from '@xyflow/react';
import { X } from 'lucide-react';
import { useCanvasActions } from './canvasActions';

/**
 * A connection on the canvas: a rounded step line with its arrowhead and label; once selected, a
 * button on it removes it (Delete does too).
 */
export const StepEdge = memo(function StepEdge(props: EdgeProps) {
  const { id, selected, markerEnd, style, label, labelStyle, labelShowBg, labelBgStyle, labelBgPadding, labelBgBorderRadius, interactionWidth } = props;
  const [path, labelX, labelY] = getSmoothStepPath(props);
  const actions = useCanvasActions();
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        labelX={labelX}
        labelY={labelY}
        {...(markerEnd ? { markerEnd } : {})}
        {...(style ? { style } : {})}
        {...(label !== undefined ? { label } : {})}
        {...(labelStyle ? { labelStyle } : {})}
        {...(labelShowBg !== undefined ? { labelShowBg } : {})}
        {...(labelBgStyle ? { labelBgStyle } : {})}
        {...(labelBgPadding ? { labelBgPadding } : {})}
        {...(labelBgBorderRadius !== undefined ? { labelBgBorderRadius } : {})}
        {...(interactionWidth !== undefined ? { interactionWidth } : {})}
      />
      {selected && actions && (
        <EdgeLabelRenderer>
          <button
            type="button"
            className="tn-edge-remove nodrag nopan"
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY + (label ? 22 : 0)}px)` }}
            title="Remove this connection (Delete)"
            aria-label="Remove this connection"
            data-testid="remove-connection"
            onClick={() => actions.removeConnection(id)}
          >
            <X size={12} aria-hidden />
          </button>
        </EdgeLabelRenderer>
      )}
    </>
  );
});
