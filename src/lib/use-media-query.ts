// Whether a CSS media query matches now, following changes (a phone turned, a window resized).
import { useCallback, useMemo, useSyncExternalStore } from 'react';

/** The console's phone layout: narrow screens, where filters fold away and rows go compact. */
export const PHONE = '(max-width: 600px)';

/**
 * One `MediaQueryList` and one subscription per mounted component and query: the list page
 * renders on every change of its view, and asking `matchMedia` (or subscribing again) each time
 * would parse the query and allocate anew for nothing.
 */
export function useMediaQuery(query: string): boolean {
  const list = useMemo(() => window.matchMedia(query), [query]);
  const subscribe = useCallback(
    (notify: () => void) => {
      list.addEventListener('change', notify);
      return () => list.removeEventListener('change', notify);
    },
    [list],
  );
  return useSyncExternalStore(subscribe, () => list.matches);
}
