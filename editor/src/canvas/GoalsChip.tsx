import { Target } from 'lucide-react';
import { useFlow } from '../store/useFlow';
import { goalWords } from './goalWords';
import './goalsChip.css';

/** The journey's goals and exits on the canvas, as a chip that opens the flow settings; nothing when it has none. */
export function GoalsChip({ onOpen }: { onOpen: () => void }) {
  const text = useFlow((s) => goalWords(s.doc.settings));
  if (!text) return null;
  return (
    <button type="button" className="tn-goals-chip" data-testid="goals-chip" title="Goals and exits: open the flow settings" onClick={onOpen}>
      <Target size={14} aria-hidden />
      <span>{text}</span>
    </button>
  );
}
