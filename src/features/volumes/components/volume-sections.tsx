// The detail page's sections about one volume: what it is (overview), where it belongs
// (organisation) and how it was ordered (marketplace).
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { T, useT } from '@/lib/i18n';
import { formatSize } from '@/lib/units';
import { uuidFromUrl } from '@/lib/uuid';
import { directoryQueries } from '../api/directory';
import type { Volume } from '../model/schemas';
import { normalizeState, stateLabel } from '../model/states';
import { Detail, DetailList, KeyValues, Timestamps } from './detail-list';
import { RuntimeBadge } from './state-badge';

function yesNo(t: ReturnType<typeof useT>, value: boolean | null | undefined) {
  return value === true ? t('Yes') : value === false ? t('No') : undefined;
}

/** Words only screen readers read. */
const hidden = (children: ReactNode) => <span className="visually-hidden">{children}</span>;

export function Overview({ volume }: { volume: Volume }) {
  const t = useT();
  const instanceUuid = uuidFromUrl(volume.instance);
  return (
    <DetailList>
      <Detail label={t('Size')}>
        {volume.size !== undefined ? (
          <span className="num">{formatSize(volume.size)}</span>
        ) : undefined}
      </Detail>
      <Detail label={t('Type')}>{volume.type_name}</Detail>
      <Detail label={t('Bootable')}>{yesNo(t, volume.bootable)}</Detail>
      <Detail label={t('Runtime state')}>
        {volume.runtime_state !== undefined ? (
          <RuntimeBadge runtime={volume.runtime_state} />
        ) : undefined}
      </Detail>
      <Detail label={t('Availability zone')}>{volume.availability_zone_name}</Detail>
      <Detail label={t('Device')}>
        {volume.device ? (
          <span className="mono" dir="ltr">
            {volume.device}
          </span>
        ) : undefined}
      </Detail>
      <Detail label={t('Attached to')}>
        {volume.instance === null ? (
          <span className="muted">{t('Not attached')}</span>
        ) : instanceUuid ? (
          <Link to={`/volumes?instance=${instanceUuid}`}>
            <T
              m="{name}<hidden> (all volumes of this instance)</hidden>"
              v={{ name: volume.instance_name ?? instanceUuid }}
              tags={{ hidden }}
            />
          </Link>
        ) : undefined}
      </Detail>
      <Detail label={t('Image')}>
        {volume.image_name ||
          (volume.image === null ? <span className="muted">{t('None')}</span> : undefined)}
      </Detail>
      <Detail label={t('Source snapshot')}>
        {volume.source_snapshot ? (
          <Link to={`/snapshots/${uuidFromUrl(volume.source_snapshot)}`} className="mono" dir="ltr">
            {uuidFromUrl(volume.source_snapshot)}
          </Link>
        ) : volume.source_snapshot === null ? (
          <span className="muted">{t('None')}</span>
        ) : undefined}
      </Detail>
      <Timestamps of={volume} />
      <Detail label={t('Description')} wide>
        {volume.description ||
          (volume.description === '' ? (
            <span className="muted">{t('No description')}</span>
          ) : undefined)}
      </Detail>
      <Detail label={t('Metadata')} wide>
        {volume.metadata !== undefined ? <KeyValues value={volume.metadata} /> : undefined}
      </Detail>
      {volume.image_metadata && typeof volume.image_metadata === 'object' ? (
        <Detail label={t('Image metadata')} wide>
          <KeyValues value={volume.image_metadata as Record<string, unknown>} />
        </Detail>
      ) : null}
    </DetailList>
  );
}

/**
 * The volume's tenant by name (its UUID until the name is read, or if it cannot be), linking to
 * its volumes, and to its quotas on the storage overview.
 */
function TenantLinks({ uuid }: { uuid: string }) {
  const tenant = useQuery(directoryQueries.one('openstack-tenants', uuid));
  const name = tenant.data?.name;
  return (
    <span className="detail-links">
      <Link to={`/volumes?tenant=${uuid}`}>
        <T
          m="{tenant}<hidden> (all volumes of this tenant)</hidden>"
          v={{ tenant: name ? <bdi>{name}</bdi> : <bdi className="mono">{uuid}</bdi> }}
          tags={{ hidden }}
        />
      </Link>{' '}
      <Link to={`/overview?tenant=${uuid}`} className="detail-links__more">
        <T m="Quotas<hidden> of this tenant</hidden>" tags={{ hidden }} />
      </Link>
    </span>
  );
}

export function Organisation({ volume }: { volume: Volume }) {
  const t = useT();
  return (
    <DetailList>
      <Detail label={t('Customer')}>
        {volume.customer_name ? (
          <Link to={`/volumes?customer=${volume.customer_uuid}`}>
            {volume.customer_abbreviation
              ? t('{name} ({abbreviation})', {
                  name: volume.customer_name,
                  abbreviation: volume.customer_abbreviation,
                })
              : volume.customer_name}
          </Link>
        ) : undefined}
      </Detail>
      <Detail label={t('Project')}>
        {volume.project_name ? (
          <Link to={`/volumes?project=${volume.project_uuid}`}>{volume.project_name}</Link>
        ) : undefined}
      </Detail>
      <Detail label={t('Tenant')}>
        {volume.tenant_uuid ? <TenantLinks uuid={volume.tenant_uuid} /> : undefined}
      </Detail>
      <Detail label={t('Service settings')}>
        {volume.service_name ? (
          <span>
            {volume.service_name}{' '}
            {volume.service_settings_state ? (
              <span
                className={`badge badge--${volume.service_settings_state === 'OK' ? 'success' : 'danger'}`}
              >
                {stateLabel(normalizeState(volume.service_settings_state))}
              </span>
            ) : null}
          </span>
        ) : undefined}
      </Detail>
      {volume.service_settings_error_message ? (
        <Detail label={t('Service settings error')} wide>
          <p className="error-text">{volume.service_settings_error_message}</p>
        </Detail>
      ) : null}
    </DetailList>
  );
}

export function Marketplace({ volume }: { volume: Volume }) {
  const t = useT();
  if (volume.marketplace_resource_uuid === null) {
    return (
      <p className="muted">
        {t(
          'This volume has no marketplace resource (it was imported or created outside the marketplace).',
        )}
      </p>
    );
  }
  return (
    <DetailList>
      <Detail label={t('Offering')}>{volume.marketplace_offering_name}</Detail>
      <Detail label={t('Category')}>{volume.marketplace_category_name}</Detail>
      <Detail label={t('Plan')}>
        {volume.marketplace_plan_uuid ? (
          <span className="mono" dir="ltr">
            {volume.marketplace_plan_uuid}
          </span>
        ) : volume.marketplace_plan_uuid === null ? (
          <span className="muted">{t('None')}</span>
        ) : undefined}
      </Detail>
      <Detail label={t('Resource')}>
        {volume.marketplace_resource_uuid ? (
          <span className="mono" dir="ltr">
            {volume.marketplace_resource_uuid}
          </span>
        ) : undefined}
      </Detail>
      <Detail label={t('Resource state')}>{volume.marketplace_resource_state}</Detail>
      <Detail label={t('Billing')}>
        {volume.is_usage_based
          ? t('Usage based')
          : volume.is_limit_based
            ? t('Limit based')
            : volume.is_usage_based === false
              ? t('Fixed', {}, 'billing')
              : undefined}
      </Detail>
    </DetailList>
  );
}
