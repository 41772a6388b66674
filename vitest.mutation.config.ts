// The tests Stryker runs against each mutant (`npm run test:mutation`): the unit tests of the
// rules it mutates, fast enough to run a few thousand times. The demo backend's HTTP-level tests
// (every request passes through its list code, so each of those mutants would run them all) and
// the page-level integration tests run in `npm test`.
import { defineConfig } from 'vitest/config';
import base from './vite.config';

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: [
      'src/features/volumes/model/**/*.test.ts',
      'src/lib/**/*.test.{ts,tsx}',
      'src/mocks/**/*.unit.test.ts',
    ],
    // A light setup (see the file); tests that need the demo backend import test/setup.ts.
    setupFiles: ['./test/setup-mutation.ts'],
    // The schema check around every response is `npm test`'s job; here it would only slow
    // each of thousands of runs.
    env: { VOLUME_CONSOLE_MUTATION: '1' },
  },
});
