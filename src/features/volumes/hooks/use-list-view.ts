import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useLocation, useNavigationType, useSearchParams } from 'react-router';
import { volumeQueries } from '../api/volumes';
import {
  FILTER_KEYS,
  type ListView,
  parseView,
  viewToParams,
  viewToSearch,
} from '../model/list-view';

/**
 * How long a search waits for its answer before the page shows it is looking (the previous rows
 * under the busy table's edge): an answer within this shows at once with the new URL, in one render.
 */
export const SEARCH_WAIT_MS = 400;

export interface UpdateOptions {
  /** Typing: the change does not become a history entry of its own. */
  replace?: boolean;
  /**
   * Change the URL only once the new view's page is in (or after `SEARCH_WAIT_MS`, or when its
   * request fails), so that the page renders once, with the answer, instead of once for the URL
   * (the previous rows, busy) and again for the answer. For the search box, which shows what was
   * typed meanwhile; a newer search replaces a waiting one, and Back, Forward or leaving the page
   * drop it. Resolves when the wait is over (the URL changed, or the search was dropped).
   */
  whenLoaded?: boolean;
}

type Patch = Partial<ListView> | ((view: ListView) => ListView);

/** The view a patch makes of the current one. Any change of search or filters goes to page 1. */
function patched(previous: ListView, patch: Patch): ListView {
  const next = typeof patch === 'function' ? patch(previous) : { ...previous, ...patch };
  const narrowed =
    next.search !== previous.search ||
    FILTER_KEYS.some((key) => JSON.stringify(next[key]) !== JSON.stringify(previous[key])) ||
    next.pageSize !== previous.pageSize ||
    next.sort !== previous.sort;
  if (narrowed && (typeof patch === 'function' || !('page' in patch))) next.page = 1;
  return next;
}

/** A waiting search will not land: its number is no longer the newest. */
function dropWaiting(waiting: { current: number }, pushing: { current: boolean }) {
  waiting.current += 1;
  pushing.current = false;
}

/**
 * The list view, read from and written to the URL. Any change of search or filters goes back to
 * page 1. The new view's list request starts with the change itself.
 */
export function useListView() {
  const [searchParams, setSearchParams] = useSearchParams();
  const queryClient = useQueryClient();
  const view = useMemo(() => parseView(searchParams), [searchParams]);
  // The newest waiting search's number: a newer one replaces it.
  const waiting = useRef(0);
  // A waiting search was to add a history entry: the one replacing it adds it instead (the first
  // commit of a burst of typing pushes, the later ones replace what the first one pushed).
  const pushing = useRef(false);
  // Back, Forward and leaving the page drop a waiting search: the reader went elsewhere.
  const { key } = useLocation();
  const navigation = useNavigationType();
  // biome-ignore lint/correctness/useExhaustiveDependencies: every move in the history (its key), not only a change of kind
  useEffect(() => {
    if (navigation === 'POP') dropWaiting(waiting, pushing);
  }, [key, navigation]);
  useEffect(() => () => dropWaiting(waiting, pushing), []);

  const apply = useCallback(
    (patch: Patch, options: UpdateOptions, prefetch: boolean) => {
      let changed: ListView | null = null;
      setSearchParams(
        (current) => {
          const search = viewToSearch(patched(parseView(current), patch));
          // What the page will read back from the URL, so that the request has the page's key.
          changed = parseView(search);
          return search;
        },
        { replace: options.replace },
      );
      // Ask for the new page now, before React re-renders the list for the new URL: the page's
      // useQuery then finds its request in flight (same key) instead of starting it after the render.
      if (changed && prefetch)
        void queryClient.prefetchQuery(volumeQueries.list(viewToParams(changed)));
    },
    [setSearchParams, queryClient],
  );

  // A waiting search lands through the latest render's setter: an older one patches the URL it
  // was made for, and would undo a filter picked meanwhile.
  const latestApply = useRef(apply);
  latestApply.current = apply;

  const update = useCallback(
    (patch: Patch, options: UpdateOptions = {}): Promise<void> => {
      if (!options.whenLoaded) {
        apply(patch, options, true);
        return Promise.resolve();
      }
      const ticket = ++waiting.current;
      const replace = Boolean(options.replace) && !pushing.current;
      pushing.current = !replace;
      const next = parseView(viewToSearch(patched(parseView(searchParams), patch)));
      // Fresh for the query client's stale time: the page's useQuery takes it without asking again.
      const loaded = queryClient.prefetchQuery(volumeQueries.list(viewToParams(next)));
      let timer: ReturnType<typeof setTimeout> | undefined;
      const waited = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, SEARCH_WAIT_MS);
      });
      return Promise.race([loaded, waited]).then(() => {
        clearTimeout(timer);
        // Patched onto the URL of that moment (a filter picked meanwhile stays); the request is
        // the waited one, unless the URL moved on meanwhile (then the page asks for its own key).
        if (ticket !== waiting.current) return;
        pushing.current = false;
        latestApply.current(patch, { ...options, replace }, false);
      });
    },
    [apply, queryClient, searchParams],
  );

  return [view, update] as const;
}
