import { useSyncExternalStore } from 'react';
import type { Volume } from '../api/schemas';
import type { ActionId } from '../model/action-rules';

/**
 * Which action dialog is open, for which volume. The list's row menus and the detail page's action
 * bar open dialogs through here; `ActionDialogHost` renders them (loading their code on first use).
 */
export interface OpenAction {
  action: Exclude<ActionId, 'pull'>;
  volume: Volume;
  /** Where to go after an unlink from the detail page. */
  afterUnlink?: () => void;
}

let current: OpenAction | null = null;
const listeners = new Set<() => void>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

function emit() {
  for (const listener of listeners) listener();
}

export function openAction(request: OpenAction) {
  current = request;
  emit();
}

export function closeAction() {
  current = null;
  emit();
}

export function useOpenAction() {
  return useSyncExternalStore(
    subscribe,
    () => current,
    () => current,
  );
}

/** Start downloading the dialogs before the click (on hover or focus of an action). */
export function preloadActionDialogs() {
  void import('./action-dialogs');
}
