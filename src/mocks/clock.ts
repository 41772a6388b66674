/**
 * The demo backend's notion of "now". Scheduled work (an action moving a volume from UPDATE_SCHEDULED to
 * UPDATING to OK) is stored as timestamps and applied lazily whenever a request arrives, so there are no
 * timers: tests make time pass instantly with `advance()`, and a reloaded browser tab picks up where
 * it left off.
 */
export interface Clock {
  now(): number;
  advance(ms: number): void;
  /** How far this clock has been moved ahead; persisted with the demo data in the browser. */
  offset(): number;
}

/**
 * `start` freezes the clock at that instant (plus whatever `advance` adds): tests use it so that seed
 * dates and transitions are identical on every run. Without it the clock follows real time.
 */
export function createClock(options: { start?: number; offset?: number } = {}): Clock {
  const { start } = options;
  let offset = options.offset ?? 0;
  return {
    now: () => (start ?? Date.now()) + offset,
    advance: (ms: number) => {
      offset += ms;
    },
    offset: () => offset,
  };
}
