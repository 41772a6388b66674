import { useSyncExternalStore } from 'react';
import { announce } from './announcer';

/**
 * Notices for the user: successes ("Extend of data-01 scheduled"), and errors that keep their
 * evidence (status, message, request) so that they can be copied into a support ticket. Kept for the
 * page's lifetime; the newest show as toasts, all of them in the notifications panel.
 */
export interface Notice {
  id: number;
  kind: 'success' | 'error' | 'info';
  title: string;
  message?: string;
  /** Plain text to copy into a ticket (never contains the token). */
  report?: string;
  /** A follow-up the user can take from the notice, e.g. "Try again". */
  action?: { label: string; run: () => void };
  createdAt: number;
  /** Toasts disappear; the notice stays in the panel. */
  toastVisible: boolean;
}

let notices: Notice[] = [];
let nextId = 1;
const listeners = new Set<() => void>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
const emit = () => {
  for (const listener of listeners) listener();
};

export function notify(notice: Omit<Notice, 'id' | 'createdAt' | 'toastVisible'>): number {
  const id = nextId++;
  notices = [{ ...notice, id, createdAt: Date.now(), toastVisible: true }, ...notices].slice(
    0,
    100,
  );
  emit();
  announce(
    `${notice.title}${notice.message ? `. ${notice.message}` : ''}`,
    notice.kind === 'error' ? 'assertive' : 'polite',
  );
  return id;
}

export function hideToast(id: number) {
  notices = notices.map((n) => (n.id === id ? { ...n, toastVisible: false } : n));
  emit();
}

export function clearNotices() {
  notices = [];
  emit();
}

export function useNotices(): Notice[] {
  return useSyncExternalStore(
    subscribe,
    () => notices,
    () => notices,
  );
}
