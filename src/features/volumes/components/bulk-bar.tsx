import { lazy, Suspense, useEffect } from 'react';
import { formatInteger } from '@/lib/format';
import { type BulkAction, closeBulk, openBulk, useOpenBulk } from '../actions/bulk-launcher';
import type { SelectionState } from '../hooks/use-selection';

const BulkDialog = lazy(() =>
  import('../actions/bulk-dialog').then((m) => ({ default: m.BulkDialog })),
);

const BULK_ACTIONS: { id: BulkAction; label: string }[] = [
  { id: 'pull', label: 'Pull' },
  { id: 'snapshot', label: 'Create snapshots' },
  { id: 'detach', label: 'Detach' },
];

/** What is selected, how to widen it to every match, and what can be done to all of it. */
export function BulkBar({
  selection,
  total,
  pageSize,
  allOnPageSelected,
}: {
  selection: SelectionState;
  total: number;
  pageSize: number;
  allOnPageSelected: boolean;
}) {
  if (selection.count === 0) return null;
  return (
    <section className="bulk-bar" aria-label="Selection">
      <p className="bulk-bar__count" aria-live="polite">
        {selection.allMatching
          ? `All ${formatInteger(total)} matching volumes selected`
          : `${selection.count} ${selection.count === 1 ? 'volume' : 'volumes'} selected`}
      </p>
      {!selection.allMatching && allOnPageSelected && total > pageSize ? (
        <button
          type="button"
          className="btn btn--ghost btn--sm"
          onClick={selection.selectAllMatching}
        >
          Select all {formatInteger(total)} matching
        </button>
      ) : null}
      <button type="button" className="btn btn--ghost btn--sm" onClick={selection.clear}>
        Clear selection
      </button>
      <fieldset className="bulk-bar__actions">
        <legend className="visually-hidden">Bulk actions</legend>
        {BULK_ACTIONS.map((action) => (
          <button
            key={action.id}
            type="button"
            className="btn btn--secondary btn--sm"
            onPointerEnter={() => void import('../actions/bulk-dialog')}
            onClick={() => {
              if (selection.target)
                openBulk({
                  action: action.id,
                  target: selection.target,
                  onFinished: selection.clear,
                });
            }}
          >
            {action.label}…
          </button>
        ))}
      </fieldset>
    </section>
  );
}

export function BulkDialogHost() {
  const open = useOpenBulk();
  // A dialog belongs to the page that opened it: leaving the page closes it.
  useEffect(() => closeBulk, []);
  if (!open) return null;
  return (
    <Suspense fallback={null}>
      <BulkDialog request={open} onClose={closeBulk} />
    </Suspense>
  );
}
