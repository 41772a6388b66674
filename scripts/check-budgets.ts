// Fails when the production build outgrows the bundle budgets in budgets.json: what the list page
// downloads before its first row, what a deployment's sign-in page downloads before its form, and
// the whole app (the demo backend excluded). Sizes are
// deterministic for a given lockfile, so this is a CI check; timings live in `npm run bench`.
import { readFileSync } from 'node:fs';
import { bundleSizes, kib } from './bundle-size';

const budgets = JSON.parse(readFileSync('budgets.json', 'utf8')) as {
  listFirstLoadGzipKiB: number;
  signInFirstLoadGzipKiB: number;
  wholeAppGzipKiB: number;
};
const sizes = bundleSizes('dist');
const checks = [
  {
    name: 'list page first load',
    actual: kib(sizes.listFirstLoad.gzip),
    limit: budgets.listFirstLoadGzipKiB,
  },
  {
    name: 'sign-in page first load',
    actual: kib(sizes.signInFirstLoad.gzip),
    limit: budgets.signInFirstLoadGzipKiB,
  },
  { name: 'whole app', actual: kib(sizes.wholeApp.gzip), limit: budgets.wholeAppGzipKiB },
];
let failed = false;
// biome-ignore-start lint/suspicious/noConsole: a command-line report
for (const check of checks) {
  const ok = check.actual <= check.limit;
  failed ||= !ok;
  console.log(
    `${ok ? 'ok  ' : 'FAIL'} ${check.name}: ${check.actual} KiB gzip (budget ${check.limit} KiB)`,
  );
}
if (failed) {
  console.error(
    'Bundle budget exceeded: make something load lazily, or raise the budget in budgets.json with a reason.',
  );
  process.exit(1);
}
// biome-ignore-end lint/suspicious/noConsole: a command-line report
