import { lazy, Suspense, useMemo } from 'react';
import { Navigate, type RouteObject, useRoutes } from 'react-router';
import { Spinner } from '@/components/spinner';
import { VolumeListPage } from '@/features/volumes/pages/volume-list-page';
import { PageErrorBoundary } from './error-boundary';
import { AppLayout } from './layout';
import { NotFoundPage } from './not-found-page';
import { RequireSession } from './require-session';

/*
 * The list page is in the first download; the detail page and sign-in load when first visited.
 * React Router runs in declarative mode (no data router): see docs/decisions/0002-bundle-budget.md.
 */
const VolumeDetailPage = lazy(() =>
  import('@/features/volumes/pages/volume-detail-page').then((m) => ({
    default: m.VolumeDetailPage,
  })),
);
const SignInPage = lazy(() =>
  import('@/features/session/sign-in-page').then((m) => ({ default: m.SignInPage })),
);

function PageLoading() {
  return (
    <div className="loading-block">
      <Spinner label="Loading page" />
    </div>
  );
}

/** The one route table, used by the browser and by tests (`renderApp(url)`). */
export function createRoutes(options: { configProblem?: string | null } = {}): RouteObject[] {
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
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ];
}

export function AppRoutes({ configProblem }: { configProblem?: string | null }) {
  const routes = useMemo(() => createRoutes({ configProblem }), [configProblem]);
  return useRoutes(routes);
}
