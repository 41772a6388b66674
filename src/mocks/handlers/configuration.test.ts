import { describe, expect, it } from 'vitest';
import { call } from '../../../test/demo-api';
import { getBackend } from '../../../test/setup';

describe('/api/configuration/', () => {
  it('answers anyone, signed in or not, with the enabled languages, currency and features', async () => {
    const { status, body } = await call('GET', '/api/configuration/', { as: null });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      LANGUAGE_CODE: 'en',
      FEATURES: { marketplace: { conceal_prices: false } },
      WALDUR_CORE: {
        CURRENCY_NAME: 'EUR',
        LANGUAGE_CHOICES: 'en,et,lt,lv,ru,it,de,da,sv,es,fr,nb,ar,cs',
      },
      WALDUR_OPENSTACK: { REQUIRE_AVAILABILITY_ZONE: false },
    });
    expect((body as { LANGUAGES: string[][] }).LANGUAGES).toContainEqual(['ar', 'العربية']);
  });

  it('follows the deployment the demo plays', async () => {
    getBackend().configuration = { languageChoices: 'en,et', currency: 'USD', concealPrices: true };
    getBackend().deployment = { ...getBackend().deployment, requireAvailabilityZone: true };
    const { body } = await call('GET', '/api/configuration/');
    expect(body).toMatchObject({
      FEATURES: { marketplace: { conceal_prices: true } },
      WALDUR_CORE: { CURRENCY_NAME: 'USD', LANGUAGE_CHOICES: 'en,et' },
      WALDUR_OPENSTACK: { REQUIRE_AVAILABILITY_ZONE: true },
    });
  });
});
