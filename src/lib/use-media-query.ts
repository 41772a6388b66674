// Whether a CSS media query matches now, following changes (a phone turned, a window resized).
import { useSyncExternalStore } from 'react';

/** The console's phone layout: narrow screens, where filters fold away and rows go compact. */
export const PHONE = '(max-width: 600px)';

export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (notify) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', notify);
      return () => list.removeEventListener('change', notify);
    },
    () => window.matchMedia(query).matches,
  );
}
