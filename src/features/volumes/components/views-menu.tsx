import { lazy, Suspense } from 'react';
import { Popover } from '@/components/popover';
import { useT } from '@/lib/i18n';
import { withWords } from '@/lib/language';

const loadPanel = () => withWords(import('./views-menu-panel'));
const ViewsMenuPanel = lazy(() => loadPanel().then((m) => ({ default: m.ViewsMenuPanel })));

/** Presets and named views of the list, and saving the current one. */
export function ViewsMenu() {
  const t = useT();
  return (
    <Popover
      align="end"
      label={
        <>
          {t('Views')}
          <span aria-hidden="true"> ▾</span>
        </>
      }
      panelLabel={t('Views')}
      onIntent={() => void loadPanel()}
    >
      {(close) => (
        <Suspense fallback={<p className="muted">{t('Loading…')}</p>}>
          <ViewsMenuPanel close={close} />
        </Suspense>
      )}
    </Popover>
  );
}
