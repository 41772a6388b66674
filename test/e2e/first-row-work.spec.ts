// Work the list must not do on the way to its first row (counted, not timed: times belong to
// `npm run bench`).
import { expect, test } from './fixtures';

test('nothing on the way to the first row creates an Intl formatter (ICU’s locale data costs ~10 ms)', async ({
  page,
}) => {
  await page.addInitScript(() => {
    const calls: string[] = [];
    const record = (what: string) => calls.push(what);
    const intl = Intl as unknown as Record<string, unknown>;
    for (const name of [
      'NumberFormat',
      'DateTimeFormat',
      'RelativeTimeFormat',
      'PluralRules',
      'Collator',
      'ListFormat',
      'DisplayNames',
      'Segmenter',
    ]) {
      const original = intl[name] as (new (...args: unknown[]) => object) | undefined;
      if (!original) continue;
      intl[name] = new Proxy(original, {
        construct: (target, args) => {
          record(`Intl.${name}`);
          return Reflect.construct(target, args);
        },
        apply: (target, self, args) => {
          record(`Intl.${name}`);
          return Reflect.apply(target, self, args);
        },
      });
    }
    const wrap = (proto: object, method: string, label: string) => {
      const target = proto as Record<string, (...args: unknown[]) => unknown>;
      const original = target[method]!;
      target[method] = function (this: unknown, ...args: unknown[]) {
        record(`${label}.${method}`);
        return original.apply(this, args);
      };
    };
    wrap(Number.prototype, 'toLocaleString', 'Number');
    for (const method of ['toLocaleString', 'toLocaleDateString', 'toLocaleTimeString'])
      wrap(Date.prototype, method, 'Date');
    // What had been called when the first volume row appeared.
    const observer = new MutationObserver(() => {
      if (document.querySelector('table[data-list="volumes"] tbody tr')) {
        observer.disconnect();
        (window as unknown as { intlBeforeFirstRow: string[] }).intlBeforeFirstRow = [...calls];
      }
    });
    observer.observe(document, { childList: true, subtree: true });
  });
  await page.goto('/volumes');
  await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible();
  const calls = await page.evaluate(
    () => (window as unknown as { intlBeforeFirstRow?: string[] }).intlBeforeFirstRow,
  );
  expect(calls).toEqual([]);
});
