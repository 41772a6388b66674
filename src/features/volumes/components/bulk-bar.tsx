import './bulk-bar.css';
import { useT } from '@/lib/i18n';
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
  const t = useT();
  if (selection.count === 0) return null;
  return (
    <section className="bulk-bar" aria-label={t('Selection')}>
      <p className="bulk-bar__count" aria-live="polite">
        {selection.allMatching
          ? t(
              '{count, plural, one {# matching volume selected} other {All # matching volumes selected}}',
              { count: total },
            )
          : t('{count, plural, one {# volume selected} other {# volumes selected}}', {
              count: selection.count,
            })}
      </p>
      {!selection.allMatching && allOnPageSelected && total > pageSize ? (
        <button
          type="button"
          className="btn btn--ghost btn--sm"
          onClick={selection.selectAllMatching}
        >
          {t('{count, plural, one {Select # matching} other {Select all # matching}}', {
            count: total,
          })}
        </button>
      ) : null}
      <button type="button" className="btn btn--ghost btn--sm" onClick={selection.clear}>
        {t('Clear selection')}
      </button>
      <fieldset className="bulk-bar__actions">
        <legend className="visually-hidden">{t('Bulk actions')}</legend>
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
            {t('{action}…', { action: t(action.label) })}
          </button>
        ))}
      </fieldset>
    </section>
  );
}
