import { flowDocumentSchema } from '@tandem/shared';
import type { DraftTarget } from '../api/client';
import type { FlowStore } from './flowStore';

/**
 * Saves the document a while after the last change, only when the server's own schema accepts it.
 * Returns a function that stops autosaving.
 */
export function startAutosave(store: FlowStore, target: DraftTarget, delayMs = 800): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = async () => {
    timer = undefined;
    const parsed = flowDocumentSchema.safeParse(store.getState().doc);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      store.getState().setSaveStatus({ state: 'invalid', message: `${issue?.path.join('.') || 'document'}: ${issue?.message ?? 'invalid'}` });
      return;
    }
    store.getState().setSaveStatus({ state: 'saving' });
    try {
      await target.save(parsed.data);
      store.getState().setSaveStatus({ state: 'saved' });
    } catch (error) {
      store.getState().setSaveStatus({ state: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  };
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.revision === previous.revision) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void flush(), delayMs);
  });
  return () => {
    unsubscribe();
    if (timer) clearTimeout(timer);
  };
}
