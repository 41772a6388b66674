// Quota bars: for each quota a request uses, what is used, what this request adds, and what is
// left, drawn as a bar and said in words (the words are what screen readers read, and the bar
// adds nothing they lack: it is hidden from them). Past the limit, the overflow is red and
// hatched, and the words say by how much, so colour is never the only sign. A limit Waldur shows
// as -1 gets no bar and no promise (contract E6).
import { useId } from 'react';
import { formatInteger } from '@/lib/format';
import { formatNumber, msg, t, useT } from '@/lib/i18n';
import { overQuota, type Quota, type QuotaUnit, type QuotaUse } from '../model/quota-use';
import './quota-bars.css';

const QUOTA_LABELS: Record<string, string> = {
  storage: msg('Storage'),
  volumes: msg('Volumes'),
  volumes_size: msg('Volume storage'),
  snapshots: msg('Snapshots'),
  snapshots_size: msg('Snapshot storage'),
};

/** A quota's name for people: "Storage", "Storage (ssd)" for Cinder's per-type quota. */
export function quotaLabel(name: string): string {
  const label = QUOTA_LABELS[name];
  if (label) return t(label);
  if (name.startsWith('gigabytes_'))
    return t('Storage ({type})', { type: name.slice('gigabytes_'.length) });
  return name;
}

/** An amount in a quota's unit: "12.5 GiB" (from MiB or GiB), or a count. */
export function formatQuotaAmount(value: number, unit: QuotaUnit): string {
  if (unit === 'count') return formatInteger(value);
  const gib = unit === 'mib' ? value / 1024 : value;
  return t('{size} GiB', { size: formatNumber(gib, Number.isInteger(gib) ? 0 : 2) });
}

/** The bar itself: used, added (within the limit), and the overflow past it. */
export function QuotaTrack({
  used,
  adding = 0,
  limit,
}: {
  used: number;
  adding?: number;
  limit: number;
}) {
  const hatch = useId();
  const total = used + adding;
  const scale = Math.max(limit, total, 1);
  const pct = (value: number) => (Math.max(value, 0) / scale) * 100;
  const usedWithin = Math.min(used, limit);
  const addedWithin = Math.max(Math.min(total, limit) - usedWithin, 0);
  // Everything past the limit, whether already used (a lowered limit) or added now.
  const over = Math.max(total - limit, 0);
  return (
    <svg
      className="quota-track"
      viewBox="0 0 100 10"
      preserveAspectRatio="none"
      aria-hidden="true"
      focusable="false"
    >
      <defs>
        {/* The overflow is hatched as well as red: visible without colour. */}
        <pattern id={hatch} width="4" height="10" patternUnits="userSpaceOnUse">
          <rect className="quota-track__over" width="4" height="10" />
          <line className="quota-track__hatch" x1="0" y1="10" x2="4" y2="0" />
        </pattern>
      </defs>
      <rect className="quota-track__rest" x="0" y="0" width="100" height="10" />
      <rect className="quota-track__used" x="0" y="0" width={pct(usedWithin)} height="10" />
      <rect
        className="quota-track__adding"
        x={pct(usedWithin)}
        y="0"
        width={pct(addedWithin)}
        height="10"
      />
      {over > 0 ? (
        <rect
          className="quota-track__overflow"
          fill={`url(#${hatch})`}
          x={pct(limit)}
          y="0"
          width={pct(over)}
          height="10"
        />
      ) : null}
      {over > 0 ? (
        <line className="quota-track__limit" x1={pct(limit)} x2={pct(limit)} y1="0" y2="10" />
      ) : null}
    </svg>
  );
}

/** One quota this request uses, as a bar and a sentence. */
function QuotaBar({ use }: { use: Extract<QuotaUse, { kind: 'limited' }> }) {
  const t = useT();
  const amount = (value: number) => formatQuotaAmount(value, use.unit);
  const values = {
    used: amount(use.used),
    adding: amount(use.adding),
    limit: amount(use.limit),
  };
  return (
    <li className={`quota-bar${use.over > 0 ? ' quota-bar--over' : ''}`}>
      <div className="quota-bar__head">
        <span className="quota-bar__name">{quotaLabel(use.name)}</span>
        <span className="quota-bar__words">
          {use.over > 0
            ? t('{used} used + {adding} now, of {limit}: {over} over the limit', {
                ...values,
                over: amount(use.over),
              })
            : t('{used} used + {adding} now, of {limit}: {left} left after', {
                ...values,
                left: amount(Math.max(use.leftAfter, 0)),
              })}
        </span>
      </div>
      <QuotaTrack used={use.used} adding={use.adding} limit={use.limit} />
    </li>
  );
}

/** Quotas Waldur shows without a limit, which only a request can test: said once, in words. */
const UNSHOWN_SAID = new Set(['storage', 'volumes', 'snapshots']);

/**
 * The quotas a request uses, in the form that makes it (create, extend, restore, snapshot). The
 * caller says where the tenant is (`tenant`) for the heading; `loading` while its quotas load.
 */
export function QuotaBars({
  uses,
  tenant,
  loading = false,
}: {
  uses: readonly QuotaUse[];
  tenant: string | null | undefined;
  loading?: boolean;
}) {
  const t = useT();
  if (loading) return <p className="muted">{t('Loading the tenant’s quotas…')}</p>;
  const limited = uses.filter(
    (use): use is Extract<QuotaUse, { kind: 'limited' }> => use.kind === 'limited',
  );
  const unshown = uses.filter(
    (use) =>
      use.kind === 'unshown' && (UNSHOWN_SAID.has(use.name) || use.name.startsWith('gigabytes_')),
  );
  if (limited.length === 0 && unshown.length === 0) return null;
  const heading = tenant ? t('Quotas of {tenant}', { tenant }) : t('Quotas of the tenant');
  return (
    <section className="quota-bars" aria-label={heading} aria-live="polite">
      <h3 className="quota-bars__heading">{heading}</h3>
      {limited.length > 0 ? (
        <ul className="quota-bars__list">
          {limited.map((use) => (
            <QuotaBar key={use.name} use={use} />
          ))}
        </ul>
      ) : null}
      {unshown.length > 0 ? (
        <p className="muted quota-bars__unshown">
          {t(
            '{names}: Waldur shows no limit (a limit of 0 looks the same), so only Waldur can tell whether this fits.',
            { names: unshown.map((use) => quotaLabel(use.name)).join(', ') },
          )}
        </p>
      ) : null}
    </section>
  );
}

/** A tenant's quota as it stands (the overview): used of its limit, and how full. */
export function QuotaStanding({ quota }: { quota: Quota & { name: string } }) {
  const t = useT();
  const unit: QuotaUnit = quota.name.startsWith('gigabytes_')
    ? 'gib'
    : ['storage', 'volumes_size', 'snapshots_size'].includes(quota.name)
      ? 'mib'
      : 'count';
  const used = quota.usage ?? 0;
  const limit = quota.limit ?? -1;
  const amount = (value: number) => formatQuotaAmount(value, unit);
  const over = limit >= 0 && used > limit;
  return (
    <div className={`quota-bar${over ? ' quota-bar--over' : ''}`}>
      <div className="quota-bar__head">
        <span className="quota-bar__name">{quotaLabel(quota.name)}</span>
        <span className="quota-bar__words">
          {limit < 0
            ? t('{used} used; no limit shown', { used: amount(used) })
            : over
              ? t('{used} of {limit}: {over} over the limit', {
                  used: amount(used),
                  limit: amount(limit),
                  over: amount(used - limit),
                })
              : t('{used} of {limit} ({percent} %)', {
                  used: amount(used),
                  limit: amount(limit),
                  percent: formatInteger(limit === 0 ? 0 : Math.round((used / limit) * 100)),
                })}
        </span>
      </div>
      {limit >= 0 ? <QuotaTrack used={used} limit={limit} /> : null}
    </div>
  );
}

/**
 * Why Waldur would refuse the request, for the disabled submit: the first quota it passes (Waldur
 * checks them in turn and names one), and by how much. Null when everything fits.
 */
export function overQuotaReason(uses: readonly QuotaUse[]): string | null {
  const [first, ...rest] = overQuota(uses);
  if (!first) return null;
  const values = {
    quota: quotaLabel(first.name),
    over: formatQuotaAmount(first.over, first.unit),
  };
  return rest.length === 0
    ? t('{over} over the {quota} quota: Waldur would refuse this.', values)
    : t(
        '{over} over the {quota} quota, and {count, plural, one {# other quota} other {# other quotas}} too: Waldur would refuse this.',
        { ...values, count: rest.length },
      );
}
