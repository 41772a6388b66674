import { lazy, Suspense } from 'react';
import { withWords } from '@/lib/language';
import { useNotices } from '@/lib/notifications';

const Toasts = lazy(() => withWords(import('./toasts')).then((m) => ({ default: m.Toasts })));

/**
 * The notices' toasts: their code (and the copy button and code block a report needs) loads with
 * the first notice, not with the list's first download. Announcing a notice does not wait for it:
 * `notify()` speaks through the app's live regions.
 */
export function LazyToasts() {
  const visible = useNotices().some((notice) => notice.toastVisible);
  if (!visible) return null;
  return (
    <Suspense fallback={null}>
      <Toasts />
    </Suspense>
  );
}
