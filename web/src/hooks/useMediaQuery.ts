import { useSyncExternalStore } from 'react';

/**
 * The widths at which the frame changes (the same numbers as in shell.css): below `drawer` the
 * side navigation becomes a menu; below `phone` the top bar keeps only the menu, the user and
 * logout, and the unit and language move into the menu.
 */
export const BREAKPOINTS = {
  drawer: '(max-width: 1023.98px)',
  phone: '(max-width: 640px)',
} as const;

/** Whether the window matches a media query, following it as the window is resized or turned. */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    () => window.matchMedia(query).matches,
  );
}
