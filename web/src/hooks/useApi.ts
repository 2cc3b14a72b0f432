import { useCallback, useEffect, useState } from 'react';
import { ApiError, buildUrl, getUrl, type QueryValue } from '../api.js';

export interface ApiState<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
}

/**
 * Loads `GET path?query` and reloads when either changes. While a new answer loads, the previous
 * data stays on screen (tables do not flash empty between pages). A null path loads nothing.
 */
export function useApi<T>(path: string | null, query?: Record<string, QueryValue>): ApiState<T> {
  const url = path === null ? null : buildUrl(path, query);
  const [reloadCount, setReloadCount] = useState(0);
  const [state, setState] = useState<{ data?: T; error?: ApiError; loading: boolean }>({
    loading: url !== null,
  });

  useEffect(() => {
    if (url === null) {
      setState({ loading: false });
      return;
    }
    const controller = new AbortController();
    setState((previous) => ({ data: previous.data, loading: true }));
    getUrl<T>(url, controller.signal).then(
      (data) => setState({ data, loading: false }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const apiError =
          error instanceof ApiError
            ? error
            : new ApiError(0, 'unexpected', String((error as Error)?.message));
        setState({ error: apiError, loading: false });
      },
    );
    return () => controller.abort();
  }, [url, reloadCount]);

  const reload = useCallback(() => setReloadCount((count) => count + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}
