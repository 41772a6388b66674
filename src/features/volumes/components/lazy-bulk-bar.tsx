import { type ComponentProps, lazy, Suspense } from 'react';
import { withWords } from '@/lib/language';
import type { BulkBar } from './bulk-bar';

const Bar = lazy(() => withWords(import('./bulk-bar')).then((m) => ({ default: m.BulkBar })));

/** The selection's bar: its code loads with the first selection, not with the first download. */
export function LazyBulkBar(props: ComponentProps<typeof BulkBar>) {
  if (props.selection.count === 0) return null;
  return (
    <Suspense fallback={null}>
      <Bar {...props} />
    </Suspense>
  );
}
