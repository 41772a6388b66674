// What a reviewer looks for in the pseudo-locale (en-XA: every message accented, 35 % longer and
// bracketed ⟦…⟧): visible words outside brackets were never translated; text cut off or sticking
// out of its box will be in a longer language too. Data is not words: names, UUIDs, numbers,
// sizes and times (`<time>`), code and IDs (`code`, `pre`, `kbd`, `.mono`), Waldur's own
// messages (marked `data-source="waldur"` where the console shows them), and what the console
// marks `translate="no"` (a person's initials).
import { expect, type Page } from '@playwright/test';
import { VOLUME_CATEGORY } from '../../src/mocks/lifecycle';
import { createSeedDb } from '../../src/mocks/seed/seed';

interface Found {
  untranslated: string[];
  cutOff: string[];
  overflow: boolean;
}

/** Words of the names the demo's data uses (volumes, projects, people…): data, not messages. */
export function dataWords(values: Iterable<string>): Set<string> {
  const words = new Set<string>();
  for (const value of values)
    for (const word of value.split(/[^\p{L}]+/u)) if (word) words.add(word);
  return words;
}

export async function findUntranslated(page: Page, data: Set<string>): Promise<Found> {
  const found = await page.evaluate(() => {
    const SKIP =
      'time, code, pre, kbd, script, style, .mono, [data-source="waldur"], [translate="no"]';
    const chunks: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest(SKIP)) continue;
      if (!parent.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
      const text = node.textContent ?? '';
      if (text.trim()) chunks.push(text);
    }
    // Brackets may nest (a message inside another's value): remove the innermost until none.
    let rest = chunks.join(' ');
    for (let previous = ''; previous !== rest; ) {
      previous = rest;
      rest = rest.replace(/⟦[^⟦⟧]*⟧/g, ' ');
    }
    const cutOff = [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((el) => {
        if (!el.checkVisibility() || !/⟦/.test(el.textContent ?? '')) return false;
        // Visually hidden text (for screen readers) is clipped on purpose.
        const box = el.getBoundingClientRect();
        if (box.width <= 1 || box.height <= 1 || el.closest('.visually-hidden')) return false;
        const style = getComputedStyle(el);
        const clips =
          ['hidden', 'clip'].includes(style.overflowX) || style.textOverflow === 'ellipsis';
        return clips && el.scrollWidth > el.clientWidth + 1 && el.children.length === 0;
      })
      .map((el) => `${el.tagName.toLowerCase()}: ${(el.textContent ?? '').slice(0, 60)}`);
    return {
      rest,
      cutOff,
      overflow: document.documentElement.scrollWidth > document.documentElement.clientWidth,
    };
  });
  const untranslated = found.rest
    .split(/\s+/)
    // Hex (UUIDs, backend IDs) is data; then the words of the rest, as the data's are cut.
    .filter((token) => !/^[0-9a-f-]{8,}$/i.test(token))
    .flatMap((token) => token.split(/[^\p{L}]+/u))
    .filter((word) => word.length >= 2 && !data.has(word));
  return {
    untranslated: [...new Set(untranslated)],
    cutOff: found.cutOff,
    overflow: found.overflow,
  };
}

/** Fails on untranslated words, text cut off, and a page wider than the screen. */
export async function expectAllTranslated(page: Page, data: Set<string>, where: string) {
  const found = await findUntranslated(page, data);
  expect(found.untranslated, `untranslated words on ${where}`).toEqual([]);
  expect(found.cutOff, `text cut off on ${where}`).toEqual([]);
  expect(found.overflow, `the page is wider than the screen on ${where}`).toBe(false);
}

/** Everything the demo's data names: names of things and people, Waldur's own messages. */
export function demoData(): Set<string> {
  const db = createSeedDb(Date.now());
  return dataWords([
    ...db.customers.flatMap((c) => [c.name, c.abbreviation, c.native_name]),
    ...db.projects.map((p) => p.name),
    ...db.tenants.map((t) => t.name),
    ...db.service_settings.flatMap((s) => [s.name, s.error_message]),
    ...db.volume_types.flatMap((t) => [t.name, t.description]),
    ...db.availability_zones.map((z) => z.name),
    ...db.instances.flatMap((i) => [i.name, i.flavor_name, i.image_name, i.runtime_state]),
    ...db.volumes.flatMap((v) => [v.name, v.description, v.error_message]),
    ...db.snapshots.flatMap((s) => [s.name, s.description, s.error_message]),
    ...db.images.map((i) => i.name),
    ...db.offerings.map((o) => o.name),
    ...db.users.flatMap((u) => [u.full_name, u.email, u.username]),
    ...db.events.map((e) => e.message),
    VOLUME_CATEGORY.title,
    // Product and component names, units and codes the messages pass as data.
    'Waldur OpenStack Cinder Nova Glance GiB MiB UTC GMT OK API UUID',
  ]);
}
