// Notices for the user: successes ("Extend of data-01 scheduled"), and errors that keep their
// evidence (status, message, request) so that they can be copied into a support ticket. Kept for the
// page's lifetime; the newest show as toasts, all of them in the notifications panel.

import { announce } from './announcer';
import { ApiError, errorMessage, isWaldursMessage } from './api-error';
import { t } from './i18n';
import { createStore, useStore } from './store';

export interface Notice {
  id: number;
  kind: 'success' | 'error' | 'info';
  /** Words of the console, translated by whoever notifies. */
  title: string;
  message?: string;
  /** `message` is Waldur's own words (data, in the language Waldur answered in). */
  messageFromWaldur?: boolean;
  /** Plain text to copy into a ticket (never contains the token). */
  report?: string;
  /** Follow-ups the user can take from the notice, e.g. "Try again". */
  actions?: { label: string; run: () => void }[];
  createdAt: number;
  /** Toasts disappear; the notice stays in the panel. */
  toastVisible: boolean;
}

const MAX_NOTICES = 100;
const notices = createStore<Notice[]>([]);
let nextId = 1;

export function notify(notice: Omit<Notice, 'id' | 'createdAt' | 'toastVisible'>): number {
  const id = nextId++;
  const entry: Notice = { ...notice, id, createdAt: Date.now(), toastVisible: true };
  notices.set((current) => [entry, ...current].slice(0, MAX_NOTICES));
  announce(
    notice.message
      ? t('{title}. {message}', { title: notice.title, message: notice.message })
      : notice.title,
    notice.kind === 'error' ? 'assertive' : 'polite',
  );
  return id;
}

/** A failure as an error notice: what went wrong, and the report to copy for an API error. */
export function notifyFailure(title: string, error: unknown, actions?: Notice['actions']): number {
  return notify({
    kind: 'error',
    title,
    message: errorMessage(error),
    messageFromWaldur: isWaldursMessage(error) || undefined,
    report: error instanceof ApiError ? error.toReport() : undefined,
    actions,
  });
}

export function hideToast(id: number) {
  notices.set((current) => current.map((n) => (n.id === id ? { ...n, toastVisible: false } : n)));
}

export function clearNotices() {
  notices.set([]);
}

export function useNotices(): Notice[] {
  return useStore(notices);
}
