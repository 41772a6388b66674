// One tenant on the storage overview: its name, project and customer, what its volumes cost per
// 30 days at the plan it is billed by (where prices are shown), and its storage, volumes,
// snapshots and per-type quotas as bars with their words.
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { T, useT } from '@/lib/i18n';
import { formatMoney } from '@/lib/money';
import { shownQuotas } from '../model/overview';
import type { Tenant } from '../model/schemas';
import { QuotaStanding } from './quota-bars';

const hidden = (children: ReactNode) => <span className="visually-hidden">{children}</span>;

export function TenantCard({
  tenant,
  cost,
  currency,
}: {
  tenant: Tenant;
  /** Its volumes per 30 days; null when not shown (concealed, unknown, nothing priced). */
  cost: number | null;
  currency: string;
}) {
  const t = useT();
  const quotas = shownQuotas(tenant.quotas);
  const name = tenant.name || tenant.uuid;
  const headingId = `tenant-${tenant.uuid}`;
  return (
    <article className="tenant-card" aria-labelledby={headingId}>
      <header className="tenant-card__head">
        <h3 id={headingId} className="tenant-card__name">
          <bdi>{name}</bdi>
        </h3>
        <p className="tenant-card__where muted">
          {tenant.project_name && tenant.customer_name
            ? t('Project {project} · {customer}', {
                project: tenant.project_name,
                customer: tenant.customer_name,
              })
            : tenant.project_name
              ? t('Project {project}', { project: tenant.project_name })
              : null}
        </p>
      </header>
      {cost !== null ? (
        <p className="tenant-card__cost">
          <T
            m="Volumes: <strong>{amount}</strong> per 30 days"
            v={{ amount: formatMoney(cost, currency) }}
            tags={{ strong: (c) => <strong>{c}</strong> }}
          />
        </p>
      ) : null}
      {quotas.length > 0 ? (
        <ul className="tenant-card__quotas" aria-label={t('Quotas of {tenant}', { tenant: name })}>
          {quotas.map((quota) => (
            <li key={quota.name}>
              <QuotaStanding quota={quota} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('Waldur shows no storage quotas for this tenant.')}</p>
      )}
      <p className="tenant-card__links">
        <Link to={`/volumes?tenant=${tenant.uuid}`}>
          <T m="Volumes<hidden> of {tenant}</hidden>" v={{ tenant: name }} tags={{ hidden }} />
        </Link>
      </p>
    </article>
  );
}
