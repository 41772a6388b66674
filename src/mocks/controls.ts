import type { DemoControls } from '@/lib/demo-controls';
import type { DemoBackend } from './backend';
import { DEMO_PERSONAS, type DemoPersona } from './seed/users';

const PERSONA_INFO: Record<DemoPersona, [string, string]> = {
  staff: ['Staff', 'sees and can do everything, including unlink'],
  admin: ['Project admin', 'admin of three projects of Alpha Research and Borealis'],
  support: ['Support', 'sees everything, read-only'],
};

/** What the UI may do to the demo backend (persona switcher, reset, failure injection). */
export function createDemoControls(
  backend: DemoBackend,
  save: () => void = () => {},
): DemoControls {
  return {
    personas: (Object.keys(DEMO_PERSONAS) as DemoPersona[]).map((id) => {
      const user = backend.user(DEMO_PERSONAS[id]);
      return {
        id,
        label: `${user.full_name} (${PERSONA_INFO[id][0]})`,
        description: PERSONA_INFO[id][1],
        token: user.token,
      };
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
  };
}
