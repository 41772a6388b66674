// A page's first screen must look final when it first shows: no rule of a stylesheet that arrives
// later (with a menu's, a dialog's or another page's code) may apply to what is already on it, or
// the page moves under the reader's finger when that code lands at idle. (It did: the toolbar's
// Views / Columns / Export row stood in a column on a phone until the bulk bar's stylesheet came,
// 88 px taller, and the rows' "⋯" buttons widened by 3 px when the actions menu's came.)
//
// Checked, not timed: the page is never idle (its requestIdleCallback never calls back), so nothing
// is loaded ahead of need; what the first screen shows is then checked against every stylesheet of
// the build it has not loaded, each parsed in the page.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DEPLOYED_PORT } from '../../playwright.config';
import { attachedTo } from '../seed-queries';
import { type Demo, expect, test } from './fixtures';

const ASSETS = path.resolve(import.meta.dirname, '../../dist/assets');

/** Every stylesheet the build emitted, by file name. */
function buildStylesheets(): Record<string, string> {
  return Object.fromEntries(
    readdirSync(ASSETS)
      .filter((file) => file.endsWith('.css'))
      .map((file) => [file, readFileSync(path.join(ASSETS, file), 'utf8')]),
  );
}

const SCREENS = [
  { name: 'volume list', url: () => '/volumes', ready: 'table[data-list="volumes"] tbody tr' },
  { name: 'snapshot list', url: () => '/snapshots', ready: 'table tbody tr' },
  {
    name: 'volume page',
    url: (demo: Demo) => `/volumes/${demo.volume(attachedTo()).uuid}`,
    ready: '.detail-header__meta',
  },
  { name: 'storage overview', url: () => '/overview', ready: 'main h1' },
  {
    // A deployment's sign-in page (the same build, config.json naming a Waldur, no token yet).
    name: 'sign-in page',
    url: () => `http://127.0.0.1:${DEPLOYED_PORT}/volumes`,
    ready: 'input[type="password"]',
  },
];
const SIZES = [
  { name: 'desktop', viewport: { width: 1366, height: 900 } },
  { name: 'phone', viewport: { width: 390, height: 844 } },
];

for (const size of SIZES) {
  test.describe(size.name, () => {
    test.use({ viewport: size.viewport });
    for (const screen of SCREENS) {
      test(`the ${screen.name}'s first screen is styled by what it has loaded`, async ({
        page,
        demo,
      }) => {
        // Nothing is loaded ahead of need: the browser is never idle for the page.
        await page.addInitScript(() => {
          window.requestIdleCallback = () => 0;
        });
        await page.goto(screen.url(demo));
        await page.locator(screen.ready).first().waitFor();
        const sheets = buildStylesheets();
        const loaded = await page.evaluate(() =>
          [...document.styleSheets].map((sheet) => sheet.href?.split('/').pop() ?? ''),
        );
        for (const file of loaded.filter(Boolean)) {
          expect(Object.keys(sheets), 'a stylesheet the page loaded is in dist').toContain(file);
        }
        const later = Object.fromEntries(
          Object.entries(sheets).filter(([file]) => !loaded.includes(file)),
        );
        // The check must have something to check: the menus', dialogs' and other pages' styles.
        expect(Object.keys(later).length).toBeGreaterThan(3);

        const applying = await page.evaluate((files) => {
          const found: string[] = [];
          const visit = (rules: CSSRuleList, file: string) => {
            for (const rule of rules) {
              if (rule instanceof CSSMediaRule) {
                if (matchMedia(rule.conditionText).matches) visit(rule.cssRules, file);
              } else if (rule instanceof CSSSupportsRule || rule instanceof CSSLayerBlockRule) {
                visit(rule.cssRules, file);
              } else if (rule instanceof CSSStyleRule) {
                const hit = [...document.querySelectorAll(rule.selectorText)].find((element) => {
                  const box = element.getBoundingClientRect();
                  return box.width > 0 || box.height > 0;
                });
                if (hit)
                  found.push(`${file}: ${rule.selectorText} (${hit.outerHTML.slice(0, 80)})`);
              }
            }
          };
          for (const [file, text] of Object.entries(files)) {
            const sheet = new CSSStyleSheet();
            sheet.replaceSync(text);
            visit(sheet.cssRules, file);
          }
          return found;
        }, later);
        expect(applying, 'rules loaded later that style the first screen').toEqual([]);
      });
    }
  });
}
