import { useSyncExternalStore } from 'react';
import type { BulkTarget } from '../hooks/use-selection';

/** The bulk action dialog that is open, if any (its code loads on first use). */
export type BulkAction = 'pull' | 'snapshot' | 'detach';

export interface OpenBulk {
  action: BulkAction;
  target: BulkTarget;
  /** Called when the run is over, to clear the selection. */
  onFinished?: () => void;
}

let current: OpenBulk | null = null;
const listeners = new Set<() => void>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export function openBulk(request: OpenBulk) {
  current = request;
  for (const listener of listeners) listener();
}

export function closeBulk() {
  current = null;
  for (const listener of listeners) listener();
}

export function useOpenBulk() {
  return useSyncExternalStore(
    subscribe,
    () => current,
    () => current,
  );
}
