// What the forms that size a volume need to show its price and the room left: the tenant's quotas
// and the plan it is billed by (one tenant read), the offering that prices its volumes (the
// project's volume offerings, already read by "New volume"), and the deployment's currency and
// whether it conceals prices (`/api/configuration/`). Until the configuration is read, and if it
// cannot be, no price is shown: a deployment that conceals prices must never show one.
import { useQuery } from '@tanstack/react-query';
import { configurationQuery, currencyOf, featureOn } from '@/lib/configuration';
import { directoryQueries } from '../api/directory';
import { offeringQueries } from '../api/lifecycle';
import type { PriceSource } from '../model/pricing';
import type { Quota } from '../model/quota-use';

export interface Pricing {
  /** Where prices come from; null while loading, when hidden, or where nothing prices volumes. */
  source: PriceSource | null;
  billedPlanUuid: string | null;
  currency: string;
  tenantName: string | null;
  quotas: readonly Quota[] | null;
  quotasLoading: boolean;
}

export function usePricing(
  projectUuid: string | null | undefined,
  tenantUuid: string | null | undefined,
): Pricing {
  const configuration = useQuery(configurationQuery());
  const offerings = useQuery({
    ...offeringQueries.forProject(projectUuid ?? ''),
    enabled: Boolean(projectUuid && tenantUuid),
  });
  const tenant = useQuery({
    ...directoryQueries.tenantQuotas(tenantUuid ?? ''),
    enabled: Boolean(tenantUuid),
  });
  // Waldur's 2024 `scope_uuid` filter finds no tenant: the project's offerings, matched here.
  const offering = offerings.data?.items.find((o) => o.scope_uuid === tenantUuid) ?? null;
  const concealed = featureOn(configuration.data, 'marketplace', 'conceal_prices');
  return {
    // The billed plan comes with the tenant: wait for it rather than show another plan's price first.
    source: configuration.isSuccess && !concealed && !tenant.isPending ? offering : null,
    billedPlanUuid: tenant.data?.marketplace_plan_uuid ?? null,
    currency: currencyOf(configuration.data),
    tenantName: tenant.data?.name ?? null,
    quotas: tenant.data?.quotas ?? offering?.quotas ?? null,
    quotasLoading: Boolean(tenantUuid) && tenant.isPending && !offering?.quotas,
  };
}
