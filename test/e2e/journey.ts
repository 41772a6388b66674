// Steps the lifecycle journeys share: the Operations tray, the volume page's state badge, and the
// demo clock's walk of a new volume from its order to OK.
import type { Page } from '@playwright/test';
import { ORDER_PICKUP_MS } from '../../src/mocks/lifecycle';
import { settleAfterMs, TIMING } from '../../src/mocks/tasks';
import type { Demo } from './fixtures';

export const headerState = (page: Page) => page.locator('.detail-header__meta .badge');
export const tray = (page: Page) => page.getByRole('complementary', { name: 'Operations' });

export async function openTray(page: Page) {
  const toggle = tray(page).getByRole('button', { name: /^Operations/ });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
}

/** Create order → picked up → first task → first poll: the whole walk to OK. */
export async function walkCreation(demo: Demo) {
  await demo.advance(ORDER_PICKUP_MS);
  await demo.advance(TIMING.firstTaskMs);
  await demo.advance(settleAfterMs('create'));
}
