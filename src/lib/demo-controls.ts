// What the demo backend lets the UI do (switch persona, reset data, make operations fail). The type
// lives here; the implementation is in src/mocks and is only loaded in demo mode, so a real
// deployment never downloads it.
import { createContext, useContext } from 'react';
import type { DemoPersona } from './session';
import { createStore, useStore } from './store';

/**
 * Which Waldur the demo plays (contract-lifecycle §8): the release, and the deployment settings
 * that change what the console meets. Kept per browser; tests set it on the backend directly.
 */
export interface DemoDeployment {
  /**
   * `8.x` (the default): the current schema. `7.x`: a 2024 server (no `customer_uuid` on
   * resources, the old state spelling, descriptions of at most 2,000 characters, delete checked
   * at once with a 409). `newer`: delete checked in the background (the Terminate order ends
   * `erred` with the reason).
   */
  version: '7.x' | '8.x' | 'newer';
  /** `REQUIRE_AVAILABILITY_ZONE`: an order without a zone is refused. */
  requireAvailabilityZone: boolean;
  /**
   * Across origins behind mastermind's stock nginx: every 202, 4xx and 5xx reaches the page as a
   * network error (the work is done all the same).
   */
  acrossOrigins: boolean;
  /** One project starts in the future: its orders wait in `pending-project` until then. */
  futureProjectStart: boolean;
}

export const DEFAULT_DEPLOYMENT: DemoDeployment = {
  version: '8.x',
  requireAvailabilityZone: false,
  acrossOrigins: false,
  futureProjectStart: false,
};

export interface DemoControls {
  personas: DemoPersona[];
  reset(): void;
  /** Make the next operations of this kind end ERRED (`*` for any). */
  failNext(operation: string): void;
  clearFailures(): void;
  pendingFailures(): string[];
  /** How fast operations run: like Waldur, fast, or (in tests) moved by hand. */
  speed(): 'waldur' | 'fast' | 'manual';
  setSpeed(speed: 'waldur' | 'fast'): void;
  /** Which Waldur the demo plays, and how it is deployed. */
  deployment(): DemoDeployment;
  setDeployment(change: Partial<DemoDeployment>): void;
  /** The project `futureProjectStart` moves (its name, for the menu's words). */
  futureProjectName: string;
}

export const DemoContext = createContext<DemoControls | null>(null);

export function useDemo() {
  return useContext(DemoContext);
}

/** Bumped when the account menu changes the demo's deployment, so readers render again. */
const deploymentChanges = createStore(0);

export function deploymentChanged() {
  deploymentChanges.set((n) => n + 1);
}

/** Which Waldur the demo plays now (null outside demo mode). */
export function useDemoDeployment(): DemoDeployment | null {
  useStore(deploymentChanges);
  return useDemo()?.deployment() ?? null;
}
