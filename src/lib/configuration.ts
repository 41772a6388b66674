// Waldur's public settings, `GET /api/configuration/` (no authentication; mastermind
// `get_public_settings`): the languages the deployment enables, its currency, its feature flags.
// Read when something needs them (the language menu, prices), never on the way to the first row.
import { queryOptions, useQuery } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { LANGUAGES } from './locales';
import { api, useSession } from './session';
import { lenient } from './zod';

const section = lenient(z.record(z.string(), z.unknown()));

export const configurationSchema = z.looseObject({
  WALDUR_CORE: section,
  WALDUR_OPENSTACK: section,
  FEATURES: lenient(z.record(z.string(), z.record(z.string(), z.unknown()))),
});
export type Configuration = z.output<typeof configurationSchema>;

export const configurationQuery = () =>
  queryOptions({
    queryKey: ['configuration'] as const,
    queryFn: ({ signal }) => api().get('api/configuration', configurationSchema, { signal }),
    staleTime: 30 * 60_000,
  });

/** The languages this deployment enables (all of the console's until the settings are read). */
export function useEnabledLanguages(): Set<string> {
  // Before an address is known (sign-in with none fixed) there is no Waldur to ask.
  const { apiUrl } = useSession();
  const { data } = useQuery({ ...configurationQuery(), enabled: Boolean(apiUrl) });
  return enabledLanguages(data?.WALDUR_CORE?.LANGUAGE_CHOICES);
}

/** `WALDUR_CORE.CURRENCY_NAME` ("EUR" by default in Waldur). */
export const currencyOf = (configuration: Configuration | undefined) => {
  const name = configuration?.WALDUR_CORE?.CURRENCY_NAME;
  return typeof name === 'string' && name ? name : 'EUR';
};

/** A feature flag (`FEATURES.<section>.<feature>`), false when the deployment does not say. */
export const featureOn = (
  configuration: Configuration | undefined,
  section: string,
  feature: string,
) => configuration?.FEATURES?.[section]?.[feature] === true;

/**
 * The languages a deployment enables, from its `WALDUR_CORE.LANGUAGE_CHOICES`: a comma-separated
 * string (or, as HomePort types it, a list). English is always there: the console's own language.
 */
export function enabledLanguages(choices: unknown): Set<string> {
  const codes = Array.isArray(choices)
    ? choices.map(String)
    : typeof choices === 'string'
      ? choices.split(',')
      : LANGUAGES;
  const enabled = new Set(
    codes
      .map((c) => c.trim().toLowerCase())
      .filter((c) => (LANGUAGES as readonly string[]).includes(c)),
  );
  enabled.add('en');
  return enabled;
}
