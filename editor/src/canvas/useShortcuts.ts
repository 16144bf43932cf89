import { useEffect } from 'react';
import type { FlowStore } from '../store/flowStore';
import { clipboardFallback } from '../store/clipboardFallback';

/** Typing in a field (or in Monaco) keeps the browser's own meaning of the keys. */
export function isEditing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.closest('input, textarea, select, .monaco-editor, [contenteditable="true"]') !== null;
}

/**
 * Canvas shortcuts: Delete/Backspace, Ctrl/Cmd+Z, Shift+Ctrl+Z / Ctrl+Y, Ctrl+A, Ctrl+D, and
 * copy/paste through the system clipboard (copy and paste events, so other tabs and flows work),
 * with localStorage as a fallback.
 */
export function useShortcuts(store: FlowStore, readOnly = false): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (isEditing(e.target) || readOnly) return;
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      const s = store.getState();
      if (!mod && (e.key === 'Delete' || e.key === 'Backspace')) {
        e.preventDefault();
        s.deleteSelection();
      } else if (mod && key === 'z' && !e.shiftKey) {
        e.preventDefault();
        s.undo();
      } else if (mod && ((key === 'z' && e.shiftKey) || key === 'y')) {
        e.preventDefault();
        s.redo();
      } else if (mod && key === 'a') {
        e.preventDefault();
        s.selectAll();
      } else if (mod && key === 'd') {
        e.preventDefault();
        s.duplicateSelection();
      }
    };
    const onCopy = (e: ClipboardEvent) => {
      if (isEditing(e.target)) return;
      const text = store.getState().copySelection();
      if (!text) return;
      e.preventDefault();
      e.clipboardData?.setData('text/plain', text);
      clipboardFallback.write(text);
    };
    const onPaste = (e: ClipboardEvent) => {
      if (isEditing(e.target) || readOnly) return;
      const text = e.clipboardData?.getData('text/plain') ?? '';
      if (store.getState().paste(text)) e.preventDefault();
      else if (!text) {
        const saved = clipboardFallback.read();
        if (saved && store.getState().paste(saved)) e.preventDefault();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    document.addEventListener('copy', onCopy);
    document.addEventListener('paste', onPaste);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('copy', onCopy);
      document.removeEventListener('paste', onPaste);
    };
  }, [store, readOnly]);
}
