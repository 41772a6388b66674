import { useSyncExternalStore } from 'react';
import type { ActionId } from '../model/action-rules';

/**
 * Every operation the user submitted in this browser tab, from "scheduled" to OK or ERRED. Kept in
 * sessionStorage so that a reload does not lose track. The tray watches the pending ones.
 */
export type OperationStatus = 'scheduled' | 'running' | 'ok' | 'erred' | 'gone';

export interface Operation {
  id: string;
  action: ActionId;
  volumeUuid: string;
  volumeName: string;
  /** What to watch: the volume, or the snapshot a snapshot action created. */
  target: { kind: 'volume' | 'snapshot'; uuid: string; name: string };
  submittedAt: number;
  status: OperationStatus;
  finishedAt?: number;
  message?: string;
  errorMessage?: string;
}

const KEY = 'volume-console:operations';
const MAX = 50;
let operations: Operation[] = load();
const listeners = new Set<() => void>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

function load(): Operation[] {
  try {
    const raw = typeof sessionStorage === 'undefined' ? null : sessionStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as Operation[]) : [];
  } catch {
    return [];
  }
}

function commit(next: Operation[]) {
  operations = next.slice(0, MAX);
  try {
    sessionStorage.setItem(KEY, JSON.stringify(operations));
  } catch {
    // storage unavailable: the tray still works for this page's lifetime
  }
  for (const listener of listeners) listener();
}

export function isPending(operation: Operation) {
  return operation.status === 'scheduled' || operation.status === 'running';
}

export function addOperation(
  operation: Omit<Operation, 'id' | 'submittedAt'> & { submittedAt?: number },
) {
  const entry: Operation = {
    ...operation,
    id: `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
    submittedAt: operation.submittedAt ?? Date.now(),
  };
  commit([entry, ...operations]);
  return entry;
}

export function updateOperation(id: string, patch: Partial<Operation>) {
  commit(operations.map((op) => (op.id === id ? { ...op, ...patch } : op)));
}

export function clearFinishedOperations() {
  commit(operations.filter(isPending));
}

/** Tests start from an empty tray. */
export function resetOperations() {
  commit([]);
}

export function useOperations(): Operation[] {
  return useSyncExternalStore(
    subscribe,
    () => operations,
    () => operations,
  );
}
