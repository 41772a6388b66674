import type { QueryClient } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { ConfigProblem } from '@/lib/config';
import type { DemoControls } from '@/lib/demo-controls';
import { App } from './app';

/** Renders the app. Loaded by the boot entry (main.tsx) in parallel with the first data. */
export function start(options: {
  queryClient: QueryClient;
  demo: DemoControls | null;
  configProblem: ConfigProblem | null;
}) {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App
        queryClient={options.queryClient}
        demo={options.demo}
        configProblem={options.configProblem}
      />
    </StrictMode>,
  );
}
