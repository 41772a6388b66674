// @ts-check
// Mutation testing (`npm run test:mutation`): Stryker changes the rules one small way at a time
// (a condition flipped, a boundary moved, a string emptied) and runs the fast tests
// (vitest.mutation.config.ts) against each change; a change no test notices is a gap. What it
// mutates: the feature's pure rules (model/), the shared library (lib/, its .ts files: the React
// components there are covered by the page tests), and the demo backend's list, filter, ordering,
// access, quota and validation code (the state and field checks every action handler calls). The
// handlers themselves (volume-actions.ts) are checked through HTTP in `npm test`: run against
// each mutant, those tests alone took over an hour on two cores.
//
// Surviving mutants that are equivalent (no behaviour can tell them apart) are listed here, with
// the reason, after each run that finds one:
// (see the closing note of the run)
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
const config = {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate: [
    'src/features/volumes/model/**/*.ts',
    'src/lib/**/*.ts',
    'src/mocks/list.ts',
    'src/mocks/access.ts',
    'src/mocks/quotas.ts',
    'src/mocks/states.ts',
    'src/mocks/handlers/common.ts',
    'src/mocks/handlers/validators.ts',
    '!**/*.test.ts',
  ],
  coverageAnalysis: 'perTest',
  // Static mutants (module-level tables and schemas) need every test run again with the modules
  // reloaded, for each one: on two cores that alone takes over an hour. They are reported as
  // ignored; the tables themselves are checked by the unit tests' exact expectations.
  ignoreStatic: true,
  concurrency: 2,
  timeoutMS: 20_000,
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 90, low: 80, break: 80 },
  tempDirName: '.stryker-tmp',
  // Stryker rewrites tsconfig `extends`/`references` in its sandbox through TypeScript's JS API,
  // which TypeScript 7 no longer has; this project has neither, so point it at no file at all.
  tsconfigFile: 'no-tsconfig-to-rewrite.json',
  cleanTempDir: 'always',
};
export default config;
