import { useCallback, useEffect, useRef, useState } from 'react';
import { errorText } from './client';

export interface Loaded<T> {
  data: T | undefined;
  error: string | undefined;
  loading: boolean;
  /** Loads again (keeps showing the previous data meanwhile). */
  reload(): Promise<void>;
}

/**
 * Loads data for a view and reloads it when `key` changes; answers of an older key, or of a load
 * older than the answer shown, are dropped.
 * `pollMs` reloads it periodically while the view is shown (the simulator, the inbox).
 */
export function useLoad<T>(load: () => Promise<T>, key: string, options: { pollMs?: number; enabled?: boolean } = {}): Loaded<T> {
  const [state, setState] = useState<{ key: string; data?: T; error?: string; loading: boolean }>({ key, loading: true });
  const current = useRef(key);
  current.current = key;
  const loader = useRef(load);
  loader.current = load;
  const enabled = options.enabled ?? true;
  // Loads are numbered: an answer older than the one shown (a poll that started before a change
  // and the reload after it) is dropped instead of bringing back what the change replaced.
  const started = useRef(0);
  const shown = useRef(0);

  const reload = useCallback(async () => {
    const forKey = current.current;
    const n = ++started.current;
    const newest = () => {
      if (current.current !== forKey || n < shown.current) return false;
      shown.current = n;
      return true;
    };
    setState((s) => ({ ...s, loading: true }));
    try {
      const data = await loader.current();
      if (newest()) setState({ key: forKey, data, loading: false });
    } catch (error) {
      if (newest()) setState((s) => ({ ...s, key: forKey, error: errorText(error), loading: false }));
    }
  }, []);

  useEffect(() => {
    if (!enabled) return;
    setState((s) => (s.key === key ? s : { key, loading: true }));
    void reload();
    if (!options.pollMs) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    const tick = async () => {
      if (stopped) return;
      if (document.visibilityState !== 'hidden') await reload();
      if (!stopped) timer = setTimeout(() => void tick(), options.pollMs);
    };
    timer = setTimeout(() => void tick(), options.pollMs);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [key, enabled, options.pollMs, reload]);

  const fresh = state.key === key;
  return { data: fresh ? state.data : undefined, error: fresh ? state.error : undefined, loading: !fresh || state.loading, reload };
}
