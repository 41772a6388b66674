import type { QueryClient } from '@tanstack/react-query';
import { Profiler, StrictMode } from 'react';
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
  const app = (
    <App
      queryClient={options.queryClient}
      demo={options.demo}
      configProblem={options.configProblem}
    />
  );
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      {import.meta.env.VITE_REACT_PROFILING === '1' ? (
        // The bench's profiling build (bench/trace.ts --react): React times the components of a
        // <Profiler> subtree on the Performance timeline. Left out of every other build.
        <Profiler id="app" onRender={() => {}}>
          {app}
        </Profiler>
      ) : (
        app
      )}
    </StrictMode>,
  );
}
