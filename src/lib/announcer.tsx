// One polite and one assertive live region for the whole app. Anything can announce; the layout
// renders the regions once. A repeated message is announced again: each announcement gets a new
// key, so the region's content changes even when the text does not.
import { createStore, type Store, useStore } from './store';

interface Announcement {
  text: string;
  key: number;
}

type Priority = 'polite' | 'assertive';

const regions: Record<Priority, Store<Announcement>> = {
  polite: createStore({ text: '', key: 0 }),
  assertive: createStore({ text: '', key: 0 }),
};

export function announce(text: string, priority: Priority = 'polite') {
  regions[priority].set((current) => ({ text, key: current.key + 1 }));
}

function LiveRegion({ priority }: { priority: Priority }) {
  const { text, key } = useStore(regions[priority]);
  return (
    <div
      className="visually-hidden"
      role={priority === 'polite' ? 'status' : 'alert'}
      aria-live={priority}
      data-testid={`announcer-${priority}`}
    >
      {text ? <span key={key}>{text}</span> : null}
    </div>
  );
}

export function LiveRegions() {
  return (
    <>
      <LiveRegion priority="polite" />
      <LiveRegion priority="assertive" />
    </>
  );
}
