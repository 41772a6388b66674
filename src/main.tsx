import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { createQueryClient } from './app/query-client';
import { loadConfig } from './lib/config';
import type { DemoControls } from './lib/demo-controls';
import { sessionStore } from './lib/session';
import './styles/tokens.css';
import './styles/base.css';
import './styles/components.css';

const config = await loadConfig();
let demo: DemoControls | null = null;

if (config.apiUrl === null && !sessionStore.wantsWaldur()) {
  // Demo mode: the MSW worker and the in-memory Waldur load only here, in their own chunk.
  const { startDemoBackend } = await import('./mocks/browser');
  demo = await startDemoBackend();
  sessionStore.initDemo(window.location.origin, demo.personas);
} else {
  sessionStore.initWaldur(config.apiUrl);
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App queryClient={createQueryClient()} demo={demo} configProblem={config.problem} />
  </StrictMode>,
);
