import './bulk-bar.css';
import { formatInteger } from '@/lib/format';
import type { SelectionState } from '../hooks/use-selection';
import { BULK_ACTIONS } from '../model/bulk-actions';
import { openDialog, preloadDialog } from '../state/dialogs';

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
            className={`btn ${action.id === 'delete' ? 'btn--danger' : 'btn--secondary'} btn--sm`}
            onPointerEnter={() => preloadDialog('bulk')}
            onFocus={() => preloadDialog('bulk')}
            onClick={() => {
              if (selection.target)
                openDialog({
                  kind: 'bulk',
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
