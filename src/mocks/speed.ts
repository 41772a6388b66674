// How fast the demo's operations run. "Like Waldur" (the default) keeps Waldur's own timeline, so
// an attach takes about 7 s and a new volume about half a minute; "fast" runs it five times faster.
// "Manual" is for tests: the demo's clock stands still until a test moves it.
export const DEMO_SPEEDS = ['waldur', 'fast', 'manual'] as const;
export type DemoSpeed = (typeof DEMO_SPEEDS)[number];

export const SPEED_KEY = 'volume-console:demo-speed';

export const TIME_SCALE: Record<DemoSpeed, number> = { waldur: 1, fast: 0.2, manual: 1 };

export function readSpeed(): DemoSpeed {
  try {
    const stored = localStorage.getItem(SPEED_KEY);
    return (DEMO_SPEEDS as readonly string[]).includes(stored ?? '')
      ? (stored as DemoSpeed)
      : 'waldur';
  } catch {
    return 'waldur';
  }
}

export function writeSpeed(speed: DemoSpeed) {
  try {
    localStorage.setItem(SPEED_KEY, speed);
  } catch {
    // the choice lasts as long as the page
  }
}
