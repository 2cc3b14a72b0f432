import { useCallback, useRef } from 'react';
import { useSearchParams } from 'react-router-dom';

/**
 * Filters, sorting and the page live in the address bar, so a list can be bookmarked, shared and
 * reached again with the browser's back button.
 */
export function useQueryState<K extends string>(defaults: Record<K, string>) {
  const [searchParams, setSearchParams] = useSearchParams();
  const defaultsRef = useRef(defaults);

  const values = {} as Record<K, string>;
  for (const key of Object.keys(defaults) as K[]) values[key] = searchParams.get(key) ?? defaults[key];

  /** Sets some values; any change other than the page itself goes back to page 1. */
  const update = useCallback(
    (changes: Partial<Record<K, string>>) => {
      setSearchParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          for (const [key, value] of Object.entries(changes) as [K, string | undefined][]) {
            if (value === undefined || value === '' || value === defaultsRef.current[key]) next.delete(key);
            else next.set(key, value);
          }
          if (!('page' in changes)) next.delete('page');
          return next;
        },
        { replace: false },
      );
    },
    [setSearchParams],
  );

  return [values, update] as const;
}
