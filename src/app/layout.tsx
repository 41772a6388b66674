import './layout.css';
import type { ConfigProblem } from '@/lib/config';
import '@/styles/phone.css';
import { lazy, Suspense } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router';
import { LazyToasts } from '@/components/lazy-toasts';
import { DataSource, SessionMenu } from '@/features/session/components/session-menu';
import { LazyOperationsTray } from '@/features/volumes/components/lazy-operations-tray';
import { LiveRegions } from '@/lib/announcer';
import { useT } from '@/lib/i18n';
import { withWords } from '@/lib/language';
import { PageErrorBoundary } from './error-boundary';
import { useScrollRestoration } from './scroll-restoration';

/** config.json's problem in words: rare, so its messages load only when there is one. */
const ConfigProblemText = lazy(() =>
  withWords(import('@/lib/config-problem')).then((m) => ({
    default: ({ problem }: { problem: ConfigProblem }) => {
      useT();
      return <>{m.describeConfigProblem(problem)}</>;
    },
  })),
);

export function AppLayout({ configProblem }: { configProblem?: ConfigProblem | null }) {
  const t = useT();
  const location = useLocation();
  useScrollRestoration();
  return (
    <div className="app">
      <a href="#main" className="skip-link">
        {t('Skip to content')}
      </a>
      <header className="app-header">
        <NavLink to="/volumes" className="brand">
          <svg className="brand__mark" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <ellipse cx="12" cy="6" rx="8" ry="3" />
            <path d="M4 6v12c0 1.7 3.6 3 8 3s8-1.3 8-3V6" fill="none" />
            <path d="M4 12c0 1.7 3.6 3 8 3s8-1.3 8-3" fill="none" />
          </svg>
          <span>{t('Volume console')}</span>
        </NavLink>
        <nav aria-label={t('Main', {}, 'navigation')} className="app-nav">
          <NavLink to="/volumes" className="app-nav__link">
            {t('Volumes')}
          </NavLink>
          <NavLink to="/snapshots" className="app-nav__link">
            {t('Snapshots')}
          </NavLink>
          <NavLink to="/overview" className="app-nav__link">
            {t('Overview')}
          </NavLink>
        </nav>
        <div className="app-header__end">
          <DataSource />
          <SessionMenu />
        </div>
      </header>
      {configProblem ? (
        <div className="banner banner--warning" role="status">
          <Suspense fallback={null}>
            <ConfigProblemText problem={configProblem} />
          </Suspense>
        </div>
      ) : null}
      <main id="main" tabIndex={-1} className="app-main">
        <PageErrorBoundary key={location.pathname}>
          <Outlet />
        </PageErrorBoundary>
      </main>
      <LazyOperationsTray />
      <LazyToasts />
      <LiveRegions />
    </div>
  );
}
