// Data loading with live refresh: load now, then every `everyMs`, keeping the last good data on screen
// while a refresh is in flight or fails.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { ApiError } from './api';

export interface Polled<T> {
  data: T | undefined;
  error: ApiError | undefined;
  updatedAt: Date | undefined;
  reload: () => Promise<void>;
}

export function usePolling<T>(load: () => Promise<T>, everyMs: number, deps: unknown[]): Polled<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<ApiError>();
  const [updatedAt, setUpdatedAt] = useState<Date>();
  const generation = useRef(0);
  const reload = useCallback(async () => {
    const mine = ++generation.current;
    try {
      const value = await load();
      if (mine !== generation.current) return; // a newer load (other filters) won
      setData(value);
      setError(undefined);
      setUpdatedAt(new Date());
    } catch (e) {
      if (mine === generation.current) setError(e as ApiError);
    }
  }, deps);
  useEffect(() => {
    setData(undefined);
    void reload();
    const timer = setInterval(() => void reload(), everyMs);
    return () => clearInterval(timer);
  }, [reload, everyMs]);
  return { data, error, updatedAt, reload };
}

// The current hash route, e.g. "#/cases/abc" → ["cases", "abc"].
export function useHashRoute(): string[] {
  const read = () => location.hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const [route, setRoute] = useState(read);
  useEffect(() => {
    const onChange = () => setRoute(read());
    addEventListener('hashchange', onChange);
    return () => removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
