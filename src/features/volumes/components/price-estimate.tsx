// The estimated price of a volume where its size or type is chosen: per day and per 30 days in the
// deployment's currency, at the plan Waldur bills its tenant by (docs/pricing.md). For a change
// (extend, retype), the new price and the difference. Nothing where nothing is priced: no plan, a
// free plan, a deployment that conceals prices, or prices not visible to the reader.
import { useT } from '@/lib/i18n';
import { formatMoney, formatMoneyChange } from '@/lib/money';
import type { Pricing } from '../hooks/use-pricing';
import {
  type Estimate,
  estimate,
  isDynamicStorage,
  type PricedVolume,
  priceChange,
} from '../model/pricing';
import './quota-bars.css';

function PlanNote({
  estimate: priced,
  tenant,
}: {
  estimate: Extract<Estimate, { kind: 'priced' }>;
  tenant: string | null;
}) {
  const t = useT();
  const plan = priced.plan.name ?? '';
  return (
    <p className="muted price__note">
      {priced.reason === 'billed'
        ? tenant
          ? t('At the prices of plan “{plan}”, which {tenant} is billed by.', { plan, tenant })
          : t('At the prices of plan “{plan}”, which the tenant is billed by.', { plan })
        : t(
            'At the prices of plan “{plan}”, the offering’s first active plan: the plan the tenant is billed by is not visible to you.',
            { plan },
          )}{' '}
      {t('An estimate: Waldur bills the tenant’s storage limit, not each volume.')}
    </p>
  );
}

/** The price of a new volume (create, restore). */
export function PriceEstimate({
  pricing,
  volume,
}: {
  pricing: Pricing;
  volume: PricedVolume | null;
}) {
  const t = useT();
  if (!pricing.source || !volume) return null;
  const price = estimate(pricing.source, pricing.billedPlanUuid, volume);
  if (price.kind !== 'priced') {
    // The dynamic mode prices each type: without one, Cinder's default decides.
    return price.kind === 'unknown' && isDynamicStorage(pricing.source) && !volume.typeName ? (
      <p className="muted">{t('Its price depends on the volume type: choose one to see it.')}</p>
    ) : null;
  }
  return (
    <section className="price" aria-label={t('Estimated price')} aria-live="polite">
      <dl className="price__figures">
        <div>
          <dt>{t('Per day')}</dt>
          <dd className="num">{formatMoney(price.perDay, pricing.currency)}</dd>
        </div>
        <div>
          <dt>{t('Per 30 days')}</dt>
          <dd className="num">{formatMoney(price.per30Days, pricing.currency)}</dd>
        </div>
      </dl>
      <PlanNote estimate={price} tenant={pricing.tenantName} />
    </section>
  );
}

/** How a change moves the price (extend: the size; retype: the type). */
export function PriceChange({
  pricing,
  before,
  after,
}: {
  pricing: Pricing;
  before: PricedVolume;
  after: PricedVolume | null;
}) {
  const t = useT();
  if (!pricing.source || !after) return null;
  const change = priceChange(pricing.source, pricing.billedPlanUuid, before, after);
  if (!change) return null;
  const { after: priced } = change;
  if (priced.kind !== 'priced') return null;
  if (change.deltaPerDay === 0)
    return (
      <section className="price" aria-label={t('Estimated price')} aria-live="polite">
        <p>
          {t('The price stays {price} per day: this plan prices every volume type alike.', {
            price: formatMoney(priced.perDay, pricing.currency),
          })}
        </p>
        <PlanNote estimate={priced} tenant={pricing.tenantName} />
      </section>
    );
  return (
    <section className="price" aria-label={t('Estimated price')} aria-live="polite">
      <dl className="price__figures">
        <div>
          <dt>{t('Per day')}</dt>
          <dd className="num">
            {t('{price} ({change})', {
              price: formatMoney(priced.perDay, pricing.currency),
              change: formatMoneyChange(change.deltaPerDay, pricing.currency),
            })}
          </dd>
        </div>
        <div>
          <dt>{t('Per 30 days')}</dt>
          <dd className="num">
            {t('{price} ({change})', {
              price: formatMoney(priced.per30Days, pricing.currency),
              change: formatMoneyChange(change.deltaPer30Days, pricing.currency),
            })}
          </dd>
        </div>
      </dl>
      <PlanNote estimate={priced} tenant={pricing.tenantName} />
    </section>
  );
}
