// What the demo backend lets the UI do (switch persona, reset data, make operations fail). The type
// lives here; the implementation is in src/mocks and is only loaded in demo mode, so a real
// deployment never downloads it.
import { createContext, useContext } from 'react';
import type { DemoPersona } from './session';

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
}

export const DemoContext = createContext<DemoControls | null>(null);

export function useDemo() {
  return useContext(DemoContext);
}
