import { useSyncExternalStore } from 'react';

/**
 * One polite and one assertive live region for the whole app. Anything can announce; the regions are
 * rendered once by the layout. A repeated message is re-announced (a counter forces a change).
 */
interface Announcement {
  text: string;
  id: number;
}

let polite: Announcement = { text: '', id: 0 };
let assertive: Announcement = { text: '', id: 0 };
const listeners = new Set<() => void>();

export function announce(text: string, priority: 'polite' | 'assertive' = 'polite') {
  if (priority === 'assertive') assertive = { text, id: assertive.id + 1 };
  else polite = { text, id: polite.id + 1 };
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export function LiveRegions() {
  const p = useSyncExternalStore(subscribe, () => polite);
  const a = useSyncExternalStore(subscribe, () => assertive);
  return (
    <>
      <div
        className="visually-hidden"
        role="status"
        aria-live="polite"
        data-testid="announcer-polite"
      >
        {p.text ? <span key={p.id}>{p.text}</span> : null}
      </div>
      <div
        className="visually-hidden"
        role="alert"
        aria-live="assertive"
        data-testid="announcer-assertive"
      >
        {a.text ? <span key={a.id}>{a.text}</span> : null}
      </div>
    </>
  );
}
