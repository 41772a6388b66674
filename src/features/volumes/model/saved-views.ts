import { useSyncExternalStore } from 'react';

/**
 * Named views of the list. A view is a URL (its query string), so a saved view is a bookmark: it is
 * kept on this device (localStorage) and opening it is following a link. Nothing here changes what a
 * given URL shows.
 */
export interface SavedView {
  name: string;
  /** The list's query string, without `page`. */
  search: string;
}

const KEY = 'volume-console:saved-views';
const listeners = new Set<() => void>();
let cache: SavedView[] | null = null;

function read(): SavedView[] {
  if (cache) return cache;
  try {
    const parsed = JSON.parse(localStorage.getItem(KEY) ?? '[]') as unknown;
    cache = Array.isArray(parsed)
      ? parsed.filter(
          (v): v is SavedView => typeof v?.name === 'string' && typeof v?.search === 'string',
        )
      : [];
  } catch {
    cache = [];
  }
  return cache;
}

function write(views: SavedView[]) {
  cache = views;
  try {
    localStorage.setItem(KEY, JSON.stringify(views));
  } catch {
    // storage full or disabled: the views last as long as the page
  }
  for (const listener of listeners) listener();
}

export function saveView(name: string, search: string) {
  const params = new URLSearchParams(search);
  params.delete('page');
  const view = { name: name.trim(), search: params.toString() };
  write(
    [...read().filter((v) => v.name !== view.name), view].sort((a, b) =>
      a.name.localeCompare(b.name),
    ),
  );
}

export function deleteView(name: string) {
  write(read().filter((v) => v.name !== name));
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  // Another tab saved or deleted a view.
  const onStorage = (event: StorageEvent) => {
    if (event.key === KEY) {
      cache = null;
      listener();
    }
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

export function useSavedViews(): SavedView[] {
  return useSyncExternalStore(subscribe, read, read);
}

/** Views support staff reach for; each is just a link to a list URL. */
export const SUPPORT_VIEWS: SavedView[] = [
  { name: 'Erred', search: 'state=ERRED' },
  { name: 'Stuck (in progress for over 30 minutes)', search: 'stuck=1' },
  { name: 'Detached', search: 'runtime=available' },
  { name: 'Bootable', search: 'bootable=yes' },
];

/** Tests start without saved views. */
export function resetSavedViews() {
  cache = null;
}
