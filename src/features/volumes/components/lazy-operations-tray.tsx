import { lazy, Suspense } from 'react';
import { withWords } from '@/lib/language';
import { useOperations } from '../state/operations';

const OperationsTray = lazy(() =>
  withWords(import('./operations-tray')).then((m) => ({ default: m.OperationsTray })),
);

/** The tray's code loads only once the user has submitted an operation. */
export function LazyOperationsTray() {
  const hasOperations = useOperations().length > 0;
  if (!hasOperations) return null;
  return (
    <Suspense fallback={null}>
      <OperationsTray />
    </Suspense>
  );
}
