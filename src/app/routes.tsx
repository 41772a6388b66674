import { type ComponentType, lazy, Suspense, useMemo } from 'react';
import { Navigate, type RouteObject, useRoutes } from 'react-router';
import { LoadingBlock } from '@/components/spinner';
import { trackCodeLoad, useWhenSettledAndIdle } from '@/lib/code-loads';
import type { ConfigProblem } from '@/lib/config';
import { useT } from '@/lib/i18n';
import { withWords } from '@/lib/language';
import { PageErrorBoundary } from './error-boundary';
import { AppLayout } from './layout';
import { NotFoundPage } from './not-found-page';
import { loadedListPage, loadListPage } from './page-code';
import { RequireSession } from './require-session';

/*
 * The list page is in the first download; the detail page and sign-in load when first visited.
 * React Router runs in declarative mode (no data router): see docs/decisions/0002-bundle-budget.md.
 */
let loadedDetailPage: ComponentType | null = null;
const loadDetailPage = () =>
  withWords(import('@/features/volumes/pages/volume-detail-page')).then((m) => {
    loadedDetailPage = m.VolumeDetailPage;
    return { default: m.VolumeDetailPage };
  });
const LazyDetailPage = lazy(loadDetailPage);
const LazyListPage = lazy(loadListPage);
/** The list page: directly once its code is here (boot starts it for a list URL). */
function VolumeListPage() {
  const Page = loadedListPage();
  return Page ? (
    <Page />
  ) : (
    <Suspense fallback={<PageLoading />}>
      <LazyListPage />
    </Suspense>
  );
}
/**
 * Once its code is here (preloaded), the page renders directly: through `lazy` it would suspend for
 * a tick anyway, and React holds a revealed fallback for 300 ms.
 */
function VolumeDetailPage() {
  const Page = loadedDetailPage;
  return Page ? <Page /> : <LazyDetailPage />;
}

/**
 * Once the first page's data is in and the browser is idle, fetch the detail page's code: opening a
 * volume is the next step of almost every visit, and should not wait for a download then. The
 * toasts and the selection bar come along.
 */
function usePreloadNextPage() {
  useWhenSettledAndIdle(
    () => {
      void trackCodeLoad(loadDetailPage());
      // From sign-in or a volume's page, the list is the next page.
      void trackCodeLoad(loadListPage());
      // Left out of the first download, needed at a first notice or a first selection.
      void trackCodeLoad(withWords(import('@/components/toasts')));
      void trackCodeLoad(withWords(import('@/features/volumes/components/bulk-bar')));
    },
    3000,
    1000,
  );
}
const SnapshotListPage = lazy(() =>
  withWords(import('@/features/volumes/pages/snapshot-list-page')).then((m) => ({
    default: m.SnapshotListPage,
  })),
);
const SnapshotDetailPage = lazy(() =>
  withWords(import('@/features/volumes/pages/snapshot-detail-page')).then((m) => ({
    default: m.SnapshotDetailPage,
  })),
);
const OverviewPage = lazy(() =>
  withWords(import('@/features/volumes/pages/overview-page')).then((m) => ({
    default: m.OverviewPage,
  })),
);
const SignInPage = lazy(() =>
  withWords(import('@/features/session/pages/sign-in-page')).then((m) => ({
    default: m.SignInPage,
  })),
);

function PageLoading() {
  const t = useT();
  return <LoadingBlock label={t('Loading page')} quiet />;
}

/** The one route table, used by the browser and by tests (`renderApp(url)`). */
export function createRoutes(
  options: { configProblem?: ConfigProblem | null } = {},
): RouteObject[] {
  return [
    {
      path: '/sign-in',
      element: (
        <PageErrorBoundary>
          <Suspense fallback={<PageLoading />}>
            <SignInPage />
          </Suspense>
        </PageErrorBoundary>
      ),
    },
    {
      element: (
        <RequireSession>
          <AppLayout configProblem={options.configProblem} />
        </RequireSession>
      ),
      children: [
        { index: true, element: <Navigate to="/volumes" replace /> },
        { path: 'volumes', element: <VolumeListPage /> },
        {
          path: 'volumes/:uuid',
          element: (
            <Suspense fallback={<PageLoading />}>
              <VolumeDetailPage />
            </Suspense>
          ),
        },
        {
          path: 'snapshots',
          element: (
            <Suspense fallback={<PageLoading />}>
              <SnapshotListPage />
            </Suspense>
          ),
        },
        {
          path: 'snapshots/:uuid',
          element: (
            <Suspense fallback={<PageLoading />}>
              <SnapshotDetailPage />
            </Suspense>
          ),
        },
        {
          path: 'overview',
          element: (
            <Suspense fallback={<PageLoading />}>
              <OverviewPage />
            </Suspense>
          ),
        },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ];
}

export function AppRoutes({ configProblem }: { configProblem?: ConfigProblem | null }) {
  usePreloadNextPage();
  const routes = useMemo(() => createRoutes({ configProblem }), [configProblem]);
  return useRoutes(routes);
}
