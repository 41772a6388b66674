// The demo backend's notion of "now". Scheduled work (an action moving a volume from UPDATE_SCHEDULED to
// UPDATING to OK) is stored as timestamps and applied lazily whenever a request arrives, so there are no
// timers: tests make time pass instantly with `advance()`, and a reloaded browser tab picks up where
// it left off.
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

/** Waldur writes datetimes with microseconds: 2020-07-02T21:14:46.209733Z. */
export function isoMicro(ms: number): string {
  const micros = String(Math.abs(Math.floor(ms * 7)) % 1000).padStart(3, '0');
  return new Date(ms).toISOString().replace('Z', `${micros}Z`);
}
