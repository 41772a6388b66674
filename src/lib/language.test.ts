// A catalogue in two parts: the first screen's words first, the rest when code loaded on demand asks
// for it (docs/decisions/0015-catalogue-in-two-parts.md).
import { HttpResponse, http } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TEST_ORIGIN } from '@/mocks/node';
import { server } from '../../test/setup';
import { applyLocale, t } from './i18n';
import { applyStartingLocale, loadLanguage, switchLanguage, withWords } from './language';

const FIRST = 'On the first screen';
const LATER = 'In a dialog';

let asked: string[];
let releaseRest: () => void;
let restFails: boolean;

beforeEach(() => {
  asked = [];
  restFails = false;
  let release!: () => void;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  releaseRest = release;
  server.use(
    http.get(`${TEST_ORIGIN}/assets/locales/:file`, async ({ params }) => {
      const file = String(params.file);
      asked.push(file);
      const [code, part] = file.split('.');
      if (part === 'first') return HttpResponse.json({ [FIRST]: `${FIRST} (${code})` });
      if (code === 'de') await released;
      if (restFails) return new HttpResponse(null, { status: 503 });
      return HttpResponse.json({ [LATER]: `${LATER} (${code})` });
    }),
  );
});

afterEach(() => {
  releaseRest();
  applyLocale('en');
  localStorage.removeItem('volume-console:locale'); // switchLanguage keeps the choice
});

/** Whether `promise` has settled once every promise already resolved has run its callbacks. */
const settled = (promise: Promise<unknown>) =>
  Promise.race([
    promise.then(() => true),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 0)),
  ]);

describe('a catalogue in two parts', () => {
  it('starts with the first screen’s words; code loaded on demand waits for the rest', async () => {
    applyStartingLocale('de', await loadLanguage('de'));
    // The first row did not wait for the rest, and nothing asked for it yet.
    expect(asked).toEqual(['de.first.json']);
    expect(t(FIRST)).toBe(`${FIRST} (de)`);

    const dialog = withWords(Promise.resolve('the dialog’s code'));
    // The rest is asked for, and held back by the server: the code waits for it.
    await vi.waitFor(() => expect(asked).toEqual(['de.first.json', 'de.rest.json']));
    expect(await settled(dialog)).toBe(false);
    expect(t(LATER)).toBe(LATER);
    releaseRest();
    expect(await dialog).toBe('the dialog’s code');
    expect(t(LATER)).toBe(`${LATER} (de)`);

    // Asked once: the next load has its words at once.
    expect(await settled(withWords(Promise.resolve(null)))).toBe(true);
    expect(asked).toEqual(['de.first.json', 'de.rest.json']);
  });

  it('a rest that cannot be fetched does not hold the code back, and is asked for again', async () => {
    applyStartingLocale('de', await loadLanguage('de'));
    restFails = true;
    releaseRest();
    expect(await withWords(Promise.resolve('code'))).toBe('code');
    expect(t(LATER)).toBe(LATER); // English meanwhile
    restFails = false;
    await withWords(Promise.resolve(null));
    expect(asked.filter((file) => file === 'de.rest.json')).toHaveLength(2);
    expect(t(LATER)).toBe(`${LATER} (de)`);
  });

  it('a switch of language loads both parts before the page speaks it', async () => {
    await switchLanguage('fr');
    expect([...asked].sort()).toEqual(['fr.first.json', 'fr.rest.json']);
    expect(t(LATER)).toBe(`${LATER} (fr)`);
    expect(await settled(withWords(Promise.resolve(null)))).toBe(true);
    expect(asked).toHaveLength(2);
  });

  it('after a switch back to English the German rest is not waited for', async () => {
    applyStartingLocale('de', await loadLanguage('de'));
    await switchLanguage('en');
    expect(await settled(withWords(Promise.resolve(null)))).toBe(true);
    expect(asked).toEqual(['de.first.json']);
  });

  it('English and the pseudo-locale fetch no catalogue', async () => {
    applyStartingLocale('en', await loadLanguage('en'));
    expect(await settled(withWords(Promise.resolve(null)))).toBe(true);
    applyStartingLocale('en-XA', await loadLanguage('en-XA'));
    expect(await settled(withWords(Promise.resolve(null)))).toBe(true);
    expect(asked).toEqual([]);
  });
});
