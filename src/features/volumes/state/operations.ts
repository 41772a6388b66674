// Every operation the user submitted in this browser tab, from "scheduled" to OK or ERRED, for the
// operations tray. Kept in sessionStorage so that a reload does not lose track. Callers record an
// operation once Waldur has accepted it (`recordOperation`); the tray watches the pending ones.
import { createStore, useStore } from '@/lib/store';
import { uuidFromUrl } from '@/lib/uuid';
import type { ActionRequest, ActionResult } from '../api/volume-actions';
import type { ActionId } from '../model/action-rules';
import type { Volume } from '../model/schemas';

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
  /** One step of several (an edit whose bootable change follows its rename). */
  step?: { index: number; of: number };
  /** What to send once this step has settled to OK; cleared when sent. */
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

/** What the tray shows for an action Waldur accepted: the volume (or new snapshot) to watch. */
export function recordOperation(
  volume: Volume,
  request: ActionRequest,
  result: ActionResult,
  extra: Pick<Operation, 'step'> = {},
) {
  const action = request.action;
  const name =
    request.action === 'edit' && request.body.name
      ? request.body.name
      : (volume.name ?? volume.uuid);
  const base = { action, volumeUuid: volume.uuid, volumeName: name };
  const lost = result.answerLost ? 'Waldur’s answer was lost; re-reading showed it accepted' : '';
  const note = (text: string | undefined) => [text, lost].filter(Boolean).join(' · ') || undefined;
  if (result.kind === 'removed') {
    return addOperation({
      ...base,
      target: { kind: 'volume', uuid: volume.uuid, name },
      status: 'ok',
      finishedAt: Date.now(),
      message: note('Removed from Waldur (nothing changed in OpenStack)'),
    });
  }
  if (result.kind === 'snapshot') {
    return addOperation({
      ...base,
      target: {
        kind: 'snapshot',
        uuid: result.snapshot.uuid,
        name: result.snapshot.name ?? 'snapshot',
      },
      status: 'scheduled',
      message: note(`Snapshot ${result.snapshot.name ?? ''}`.trim()),
    });
  }
  const then = request.action === 'edit' ? request.afterwards : undefined;
  return addOperation({
    ...base,
    ...extra,
    ...(then
      ? {
          step: { index: 1, of: 2 },
          followUp: { body: then, what: `bootable: ${then.bootable ? 'yes' : 'no'}` },
        }
      : {}),
    target: { kind: 'volume', uuid: volume.uuid, name },
    status: 'scheduled',
    message: note(describeRequest(request)),
  });
}

function describeRequest(request: ActionRequest): string | undefined {
  if (request.action === 'attach') return `To ${uuidFromUrl(request.body.instance) ?? 'instance'}`;
  if (request.action === 'extend') return `To ${request.body.disk_size} MiB`;
  return undefined;
}
