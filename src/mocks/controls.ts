import type { DemoControls } from '@/lib/demo-controls';
import type { DemoBackend } from './backend';
import { normalizeDeployment, writeDeployment } from './deployment';
import { FUTURE_PROJECT_NAME } from './project-start';
import { DEMO_PERSONAS, type DemoPersona } from './seed/users';
import { type DemoSpeed, TIME_SCALE, writeSpeed } from './speed';

/**
 * What the UI may do to the demo backend (persona switcher, reset, failure injection, speed, and
 * which Waldur it plays). Speed and deployment are the browser's own choices: kept in
 * localStorage, not in the demo data, so a reset keeps them.
 */
export function createDemoControls(
  backend: DemoBackend,
  save: () => void = () => {},
  initialSpeed: DemoSpeed = 'waldur',
): DemoControls {
  let speed = initialSpeed;
  return {
    // Data only: the account menu says who each persona is (role, rights) in the reader's language.
    personas: (Object.keys(DEMO_PERSONAS) as DemoPersona[]).map((id) => {
      const user = backend.user(DEMO_PERSONAS[id]);
      return { id, name: user.full_name, token: user.token };
    }),
    reset: () => {
      backend.reset();
      save();
    },
    failNext: (operation) => {
      backend.injectFailure({ operation, remaining: 1 });
      save();
    },
    clearFailures: () => {
      backend.clearFailures();
      save();
    },
    pendingFailures: () => backend.db.failures.map((f) => f.operation),
    speed: () => speed,
    setSpeed: (next) => {
      // A manual clock is the tests' own; the menu switches between the two that run.
      if (speed === 'manual' || next === speed) return;
      speed = next;
      backend.timeScale = TIME_SCALE[next];
      writeSpeed(next);
    },
    deployment: () => ({ ...backend.deployment }),
    setDeployment: (change) => {
      backend.deployment = normalizeDeployment({ ...backend.deployment, ...change });
      writeDeployment(backend.deployment);
      save();
    },
    futureProjectName: FUTURE_PROJECT_NAME,
  };
}
