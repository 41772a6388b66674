// Every operation the user submitted in this browser tab, from "scheduled" to OK or ERRED, for the
// operations tray. Kept in sessionStorage so that a reload does not lose track. Callers record an
// operation once Waldur has accepted it (./records); the tray watches the pending ones.
import { createStore, useStore } from '@/lib/store';
import type { ActionId } from '../model/action-rules';

/** `waiting`: an order waiting for someone's approval. */
export type OperationStatus = 'waiting' | 'scheduled' | 'running' | 'ok' | 'erred' | 'gone';

/** A volume action, or one of the lifecycle's: create, restore, a snapshot's edit or delete. */
export type OperationKind = ActionId | 'create' | 'restore' | 'snapshot_edit' | 'snapshot_delete';

/**
 * A note the tray shows about an operation, kept as data (what kind of note, names, numbers) and put
 * into words where it is shown, in the reader's language of the moment (operation-watcher.tsx).
 */
export type OperationNote =
  /** Unlinked: "Removed from Waldur (nothing changed in OpenStack)". */
  | { kind: 'removed' }
  /** A snapshot action: the new snapshot ('' when it has no name). */
  | { kind: 'snapshot'; name: string }
  /** An attach: to which instance (its UUID), when known. */
  | { kind: 'attach'; instance: string | null }
  /** An extend: the new size in MiB. */
  | { kind: 'extend'; size: number }
  /** A Create order: in which offering. */
  | { kind: 'offering'; name: string }
  /** A restore: from which snapshot. */
  | { kind: 'restore'; snapshot: string }
  /** How it ended: "{name} is OK.", "{name} is deleted.". */
  | { kind: 'ok'; name: string }
  | { kind: 'deleted'; name: string }
  /** Waldur's answer was lost, and re-reading showed it accepted the request. */
  | { kind: 'lost' };

/** Why an order failed, when it was not Waldur's own message (that is `errorMessage`). */
export type OperationFailure = { kind: 'rejected'; by?: string } | { kind: 'canceled' | 'failed' };

/** What a pending order waits for (contract-lifecycle §2.6): its state and whom or what it names. */
export interface OrderWait {
  state: string;
  customer?: string;
  project?: string;
  /** The project's start date (`YYYY-MM-DD`), when the order waits for it and it is known. */
  projectStart?: string;
}

export interface Operation {
  id: string;
  action: OperationKind;
  /** The volume it is about ('' for a volume not created yet). */
  volumeUuid: string;
  volumeName: string;
  /** Where its title links (the volume's page unless said otherwise). */
  link?: string;
  /**
   * What to watch: the volume, the snapshot a snapshot action created (or that is edited or
   * deleted), or a marketplace order (create, delete).
   */
  target: { kind: 'volume' | 'snapshot' | 'order'; uuid: string; name: string };
  /** An order waiting: for whom or what. */
  wait?: OrderWait;
  /** What an entry stored by an older version says it waits for (English words); shown as it is. */
  awaiting?: string;
  /** The order's customer, to tell whether this user may approve it. */
  customerUuid?: string;
  /** Who placed the order (a user UUID): its author may withdraw it while it waits. */
  placedBy?: string;
  submittedAt: number;
  status: OperationStatus;
  finishedAt?: number;
  /** The notes shown after the times, put into words when shown. */
  notes?: OperationNote[];
  /** An entry stored by an older version: its notes in English words, shown as they are. */
  message?: string;
  /** Waldur's own error message (shown as it is). */
  errorMessage?: string;
  /** Why it failed, when Waldur gave no message of its own. */
  failure?: OperationFailure;
  /** One step of several (an edit whose bootable change follows its rename). */
  step?: { index: number; of: number };
  /**
   * What to send once this step has settled to OK; cleared when sent. `what` says it in
   * English ("bootable: yes"); the tray words it from `body`, in the reader's language.
   */
  followUp?: { body: { bootable: boolean }; what: string };
}

const KEY = 'volume-console:operations';
const MAX = 50;

function load(): Operation[] {
  try {
    const raw = typeof sessionStorage === 'undefined' ? null : sessionStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as Operation[]) : [];
  } catch {
    return [];
  }
}

const operations = createStore<Operation[]>(load());

function commit(update: (current: Operation[]) => Operation[]) {
  operations.set((current) => update(current).slice(0, MAX));
  try {
    sessionStorage.setItem(KEY, JSON.stringify(operations.get()));
  } catch {
    // storage unavailable: the tray still works for this page's lifetime
  }
}

export function isPending(operation: Operation) {
  return (
    operation.status === 'waiting' ||
    operation.status === 'scheduled' ||
    operation.status === 'running'
  );
}

/** Where an operation's title links. */
export function operationLink(operation: Operation) {
  return operation.link ?? (operation.volumeUuid ? `/volumes/${operation.volumeUuid}` : undefined);
}

export function addOperation(
  operation: Omit<Operation, 'id' | 'submittedAt'> & { submittedAt?: number },
) {
  const entry: Operation = {
    ...operation,
    id: `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
    submittedAt: operation.submittedAt ?? Date.now(),
  };
  commit((current) => [entry, ...current]);
  return entry;
}

export function updateOperation(id: string, patch: Partial<Operation>) {
  commit((current) => current.map((op) => (op.id === id ? { ...op, ...patch } : op)));
}

export function clearFinishedOperations() {
  commit((current) => current.filter(isPending));
}

/** Tests start from an empty tray. */
export function resetOperations() {
  commit(() => []);
}

export function useOperations(): Operation[] {
  return useStore(operations);
}
