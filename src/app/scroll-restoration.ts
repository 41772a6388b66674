// Where the window scrolls on a navigation, as a reader expects: a page opened by a link starts at
// its top; Back and Forward return to where that page was left. (React Router's own
// <ScrollRestoration> needs a data router; the console uses the declarative one.) Positions are
// kept per history entry for the life of the tab.
import { useLayoutEffect } from 'react';
import { useLocation, useNavigationType } from 'react-router';

const positions = new Map<string, number>();

export function useScrollRestoration() {
  const location = useLocation();
  const navigation = useNavigationType();

  // The browser's own restoration would fight ours (it restores before the page has rendered).
  useLayoutEffect(() => {
    if ('scrollRestoration' in window.history) window.history.scrollRestoration = 'manual';
  }, []);

  useLayoutEffect(() => {
    const key = location.key;
    if (navigation === 'POP') window.scrollTo(0, positions.get(key) ?? 0);
    // A new page by a link (or a replaced URL that changes the page): its top.
    else if (navigation === 'PUSH') window.scrollTo(0, 0);
    // Remembered as the user scrolls: by the time the next page is in the DOM, the browser may
    // already have clamped the position to the new page's height.
    const remember = () => positions.set(key, window.scrollY);
    window.addEventListener('scroll', remember, { passive: true });
    return () => window.removeEventListener('scroll', remember);
  }, [location.key, navigation]);
}
