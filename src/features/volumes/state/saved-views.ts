// Named views of the list. A view is a URL (its query string), so a saved view is a bookmark: it is
// kept on this device (localStorage) and opening it is following a link. Nothing here changes what a
// given URL shows.
import { msg } from '@/lib/i18n';
import { createStore, useStore } from '@/lib/store';

export interface SavedView {
  name: string;
  /** The list's query string, without `page`. */
  search: string;
}

const KEY = 'volume-console:saved-views';

function read(): SavedView[] {
  try {
    const parsed = JSON.parse(localStorage.getItem(KEY) ?? '[]') as unknown;
    return Array.isArray(parsed)
      ? parsed.filter(
          (v): v is SavedView => typeof v?.name === 'string' && typeof v?.search === 'string',
        )
      : [];
  } catch {
    return [];
  }
}

const views = createStore<SavedView[]>([], {
  // Read when first shown, and again when another tab saves or deletes a view.
  onWatched: () => {
    views.set(read());
    const onStorage = (event: StorageEvent) => {
      if (event.key === KEY) views.set(read());
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  },
});

function write(next: SavedView[]) {
  views.set(next);
  try {
    localStorage.setItem(KEY, JSON.stringify(next));
  } catch {
    // storage full or disabled: the views last as long as the page
  }
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

export function useSavedViews(): SavedView[] {
  return useStore(views);
}

/**
 * Views support staff reach for; each is just a link to a list URL. Their names are messages,
 * translated where they are shown (`t(view.name)`); saved views' names are the user's own.
 */
export const SUPPORT_VIEWS: SavedView[] = [
  { name: msg('Erred'), search: 'state=ERRED' },
  { name: msg('Stuck (in progress for over 30 minutes)'), search: 'stuck=1' },
  { name: msg('Detached'), search: 'runtime=available' },
  { name: msg('Bootable'), search: 'bootable=yes' },
];

/** Tests start without saved views. */
export function resetSavedViews() {
  views.set([]);
}
