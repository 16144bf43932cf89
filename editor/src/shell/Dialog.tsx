import { useEffect, useId, type ReactNode } from 'react';

/** A modal dialog: title, content, Escape or the backdrop closes it. */
export function Dialog({
  title,
  onClose,
  children,
  wide,
  testId,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  wide?: boolean;
  testId?: string;
}) {
  const id = useId();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a click beside the dialog closes it, a pointer shortcut for Escape (above) and the dialog's own buttons
    <div className="tn-backdrop nokey" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className={`tn-dialog${wide ? ' tn-dialog-wide' : ''}`} role="dialog" aria-modal="true" aria-labelledby={id} data-testid={testId}>
        <h2 id={id}>{title}</h2>
        {children}
      </div>
    </div>
  );
}
