import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useEffect } from 'react';
import { BrowserRouter } from 'react-router';
import type { ConfigProblem } from '@/lib/config';
import { DemoContext, type DemoControls } from '@/lib/demo-controls';
import { sessionStore } from '@/lib/session';
import { PageErrorBoundary } from './error-boundary';
import { AppRoutes } from './routes';

/** Drops cached data whenever the identity changes (sign-in, sign-out, 401, demo persona). */
function useClearCacheOnIdentityChange(queryClient: QueryClient) {
  useEffect(() => {
    const identity = () => `${sessionStore.get().apiUrl}|${sessionStore.get().token}`;
    let current = identity();
    return sessionStore.subscribe(() => {
      const next = identity();
      if (next !== current) {
        current = next;
        queryClient.clear();
      }
    });
  }, [queryClient]);
}

export function AppProviders({
  queryClient,
  demo,
  children,
}: {
  queryClient: QueryClient;
  demo: DemoControls | null;
  children: ReactNode;
}) {
  useClearCacheOnIdentityChange(queryClient);
  return (
    <PageErrorBoundary>
      <QueryClientProvider client={queryClient}>
        <DemoContext.Provider value={demo}>{children}</DemoContext.Provider>
      </QueryClientProvider>
    </PageErrorBoundary>
  );
}

export function App({
  queryClient,
  demo,
  configProblem,
}: {
  queryClient: QueryClient;
  demo: DemoControls | null;
  configProblem: ConfigProblem | null;
}) {
  return (
    <AppProviders queryClient={queryClient} demo={demo}>
      {/* The list's whole view lives in the URL, so its checkboxes and selects are controlled by the
          location: it must update at once, not in a transition, or a click shows its old state. */}
      <BrowserRouter useTransitions={false}>
        <AppRoutes configProblem={configProblem} />
      </BrowserRouter>
    </AppProviders>
  );
}
