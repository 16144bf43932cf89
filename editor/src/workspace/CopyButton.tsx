import { useEffect, useState } from 'react';
import { Check, Copy } from 'lucide-react';

/**
 * Copies a value to the clipboard and says so for a moment; when the browser refuses (no
 * permission, not a secure page), it asks the person to copy the shown value by hand.
 */
export function CopyButton({ value, label, testId }: { value: string; label: string; testId?: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state !== 'copied') return;
    const t = setTimeout(() => setState('idle'), 2_000);
    return () => clearTimeout(t);
  }, [state]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setState('copied');
    } catch {
      setState('failed');
    }
  };
  return (
    <>
      <button type="button" onClick={() => void copy()} aria-label={`Copy ${label}`} title={`Copy ${label}`} data-testid={testId}>
        {state === 'copied' ? <Check size={14} aria-hidden /> : <Copy size={14} aria-hidden />} {state === 'copied' ? 'Copied' : 'Copy'}
      </button>
      {state === 'failed' && (
        <span className="tn-help" role="status">
          The browser did not allow copying: select the text and copy it by hand.
        </span>
      )}
    </>
  );
}
