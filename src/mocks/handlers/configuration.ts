// `GET /api/configuration/`: Waldur's public settings (no authentication), as mastermind's
// `get_public_settings` builds them (waldur_core/core/views.py; /work notes in docs/pricing.md):
// the languages the deployment enables (`WALDUR_CORE.LANGUAGE_CHOICES`, a comma-separated string,
// with their names in the top-level `LANGUAGES`), the currency, feature flags, and OpenStack's
// settings. Tests change `backend.configuration` to play another deployment's settings.
import { http } from 'msw';
import type { DemoBackend } from '../backend';
import { WALDUR_LANGUAGES } from '../configuration';
import { json } from '../responses';

export function configurationHandlers(backend: DemoBackend, origin: string) {
  return [
    http.get(
      `${origin}/api/configuration/`,
      backend.handler(
        (ctx) => {
          const settings = ctx.backend.configuration;
          return json({
            LANGUAGES: WALDUR_LANGUAGES,
            LANGUAGE_CODE: 'en',
            FEATURES: { marketplace: { conceal_prices: settings.concealPrices } },
            WALDUR_CORE: {
              SITE_NAME: 'Waldur demo',
              CURRENCY_NAME: settings.currency,
              LANGUAGE_CHOICES: settings.languageChoices,
            },
            WALDUR_OPENSTACK: {
              REQUIRE_AVAILABILITY_ZONE: ctx.backend.deployment.requireAvailabilityZone,
            },
          });
        },
        { auth: false },
      ),
    ),
  ];
}
