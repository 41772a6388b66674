// Each list row's "⋯" menu. The button is part of the list; what the menu shows (the volume's
// actions, their rules and requests) loads when a menu first opens, or when the pointer or focus
// reaches a button, so the list's first download does not carry it.
import './row-actions.css';
import { lazy, Suspense } from 'react';
import { Popover } from '@/components/popover';
import { Spinner } from '@/components/spinner';
import { useT } from '@/lib/i18n';
import { withWords } from '@/lib/language';
import type { Volume } from '../model/schemas';
import { preloadDialog } from '../state/dialogs';

const loadPanel = () => withWords(import('./action-controls'));
const RowActionsPanel = lazy(() => loadPanel().then((m) => ({ default: m.RowActionsPanel })));

export function RowActions({ volume }: { volume: Volume }) {
  const t = useT();
  return (
    <Popover
      align="end"
      buttonClassName="btn btn--ghost btn--sm row-actions"
      ariaLabel={t('Actions for {name}', { name: volume.name ?? volume.uuid })}
      // The accessible name is aria-label; the glyph is only what sighted users see.
      label="⋯"
      onIntent={() => void loadPanel()}
      onOpenChange={(open) => {
        if (open) preloadDialog('action');
      }}
    >
      {(close) => (
        <Suspense
          fallback={
            <p className="muted">
              <Spinner label={t('Loading actions')} /> {t('Checking what is possible…')}
            </p>
          }
        >
          <RowActionsPanel row={volume} close={close} />
        </Suspense>
      )}
    </Popover>
  );
}
