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
// Surviving mutants that are equivalent (no behaviour can tell them apart), from the run of
// 2026-12-01 on the final commit (95.5%: 2,674 killed, 7 timed out, 53 survived, 72 without
// coverage, 553 static; 13 min 52 s on an idle machine):
// - lib/api-error: `match?.[1].trim` (a match always has group 1); the constructor's default
//   message (describe() overwrites it); the empty `default:` case; `status !== null` forced true
//   in isServerError (`null >= 500` is false anyway); `typeof body === 'string'` forced true (a
//   non-string body has no HTML title either way); `errorMessage`'s ApiError branch (an ApiError
//   is an Error). (The report's 4,000-character cut and a non-5xx error's wording survived the
//   run and are now tested.)
// - lib/format: `unit === 'second'` forced true (an amount of 0 occurs only in seconds);
//   `amount <= 0` and `minutes >= 0` (0 returns earlier: "now", "UTC").
// - lib/http (the missing Content-Type survived and is now tested): the absolute-URL regex without `^` (no API path contains "http://" later);
//   `params.state === undefined` (the next check treats undefined like null); the retry guard's
//   spelling comparison (the client has one spelling per instance, set before the retry);
//   `send('')` for list() (jsdom's fetch reads an empty method as GET; a browser would throw).
// - lib/config: `cache: 'no-cache'` (not observable in Node's fetch).
// - lib/link-header: `url !== undefined` and `if (!link)` (an undefined URL fails `new URL` just
//   the same, inside the try).
// - lib/session: `if (raw)` forced true (JSON.parse of null gives null, caught below);
//   `remembered ?? false` (undefined and false are read alike).
// - model/list-view, model/snapshot-view: `params.get(...) ?? ''` (an unknown or empty value is
//   dropped by the same filter); model/lifecycle: `type ?? ''` (the regex fails on null alike);
//   model/snapshot-rules: the `' or '` join (one allowed state reaches it).
// - mocks/list: `/^-/` → `/-/` (ordering keys contain no inner '-'); `result * direction` → `/`
//   (direction is ±1); the null/number comparisons (each column holds one type, NULLs last by the
//   branch above); `raw === null` (the regex test of null fails too); a URL that cannot be parsed
//   gives '' or any other non-path string, which matches no collection.
// - mocks/handlers/common and mocks/access: optional chaining on a record's project, customer or
//   settings (every seeded record has them; the chain only guards foreign data); the owner check's
//   `role === 'CUSTOMER.OWNER'` forced true (only an owner role has a customer as its scope).
// - mocks/states: the '' spelling key (no state is spelled '').
// Without coverage (the tests here do not reach them; `npm test` does, through the pages and HTTP):
// lib/current-user, lib/download, lib/code-loads' idle fallback, lib/demo-controls, session
// storage errors, model/export's column lookup, mocks/handlers/common's changeOkObject and the
// runtime-state filter (now tested), lib/notifications' notifyFailure (now tested).
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
