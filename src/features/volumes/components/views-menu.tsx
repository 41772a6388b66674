import { lazy, Suspense } from 'react';
import { Popover } from '@/components/popover';

const loadPanel = () => import('./views-menu-panel');
const ViewsMenuPanel = lazy(() => loadPanel().then((m) => ({ default: m.ViewsMenuPanel })));

/** Presets and named views of the list, and saving the current one. */
export function ViewsMenu() {
  return (
    <Popover
      align="end"
      label={
        <>
          Views<span aria-hidden="true"> ▾</span>
        </>
      }
      panelLabel="Views"
      onIntent={() => void loadPanel()}
    >
      {(close) => (
        <Suspense fallback={<p className="muted">Loading…</p>}>
          <ViewsMenuPanel close={close} />
        </Suspense>
      )}
    </Popover>
  );
}
