// The detail page's sections about one volume: what it is (overview), where it belongs
// (organisation) and how it was ordered (marketplace).
import { Link } from 'react-router';
import { formatSize } from '@/lib/units';
import { uuidFromUrl } from '@/lib/uuid';
import type { Volume } from '../model/schemas';
import { Detail, DetailList, KeyValues, Timestamps } from './detail-list';
import { RuntimeBadge } from './state-badge';

function yesNo(value: boolean | null | undefined) {
  return value === true ? 'Yes' : value === false ? 'No' : undefined;
}

export function Overview({ volume }: { volume: Volume }) {
  const instanceUuid = uuidFromUrl(volume.instance);
  return (
    <DetailList>
      <Detail label="Size">
        {volume.size !== undefined ? (
          <span className="num">{formatSize(volume.size)}</span>
        ) : undefined}
      </Detail>
      <Detail label="Type">{volume.type_name}</Detail>
      <Detail label="Bootable">{yesNo(volume.bootable)}</Detail>
      <Detail label="Runtime state">
        {volume.runtime_state !== undefined ? (
          <RuntimeBadge runtime={volume.runtime_state} />
        ) : undefined}
      </Detail>
      <Detail label="Availability zone">{volume.availability_zone_name}</Detail>
      <Detail label="Device">
        {volume.device ? <span className="mono">{volume.device}</span> : undefined}
      </Detail>
      <Detail label="Attached to">
        {volume.instance === null ? (
          <span className="muted">Not attached</span>
        ) : instanceUuid ? (
          <Link to={`/volumes?instance=${instanceUuid}`}>
            {volume.instance_name ?? instanceUuid}
            <span className="visually-hidden"> (all volumes of this instance)</span>
          </Link>
        ) : undefined}
      </Detail>
      <Detail label="Image">
        {volume.image_name ||
          (volume.image === null ? <span className="muted">None</span> : undefined)}
      </Detail>
      <Detail label="Source snapshot">
        {volume.source_snapshot ? (
          <Link to={`/snapshots/${uuidFromUrl(volume.source_snapshot)}`} className="mono">
            {uuidFromUrl(volume.source_snapshot)}
          </Link>
        ) : volume.source_snapshot === null ? (
          <span className="muted">None</span>
        ) : undefined}
      </Detail>
      <Timestamps of={volume} />
      <Detail label="Description" wide>
        {volume.description ||
          (volume.description === '' ? <span className="muted">No description</span> : undefined)}
      </Detail>
      <Detail label="Metadata" wide>
        {volume.metadata !== undefined ? <KeyValues value={volume.metadata} /> : undefined}
      </Detail>
      {volume.image_metadata && typeof volume.image_metadata === 'object' ? (
        <Detail label="Image metadata" wide>
          <KeyValues value={volume.image_metadata as Record<string, unknown>} />
        </Detail>
      ) : null}
    </DetailList>
  );
}

export function Organisation({ volume }: { volume: Volume }) {
  return (
    <DetailList>
      <Detail label="Customer">
        {volume.customer_name ? (
          <Link to={`/volumes?customer=${volume.customer_uuid}`}>
            {volume.customer_name}
            {volume.customer_abbreviation ? ` (${volume.customer_abbreviation})` : ''}
          </Link>
        ) : undefined}
      </Detail>
      <Detail label="Project">
        {volume.project_name ? (
          <Link to={`/volumes?project=${volume.project_uuid}`}>{volume.project_name}</Link>
        ) : undefined}
      </Detail>
      <Detail label="Tenant">
        {volume.tenant_uuid ? (
          <Link to={`/volumes?tenant=${volume.tenant_uuid}`}>
            <span className="mono">{volume.tenant_uuid}</span>
            <span className="visually-hidden"> (all volumes of this tenant)</span>
          </Link>
        ) : undefined}
      </Detail>
      <Detail label="Service settings">
        {volume.service_name ? (
          <span>
            {volume.service_name}{' '}
            {volume.service_settings_state ? (
              <span
                className={`badge badge--${volume.service_settings_state === 'OK' ? 'success' : 'danger'}`}
              >
                {volume.service_settings_state}
              </span>
            ) : null}
          </span>
        ) : undefined}
      </Detail>
      {volume.service_settings_error_message ? (
        <Detail label="Service settings error" wide>
          <p className="error-text">{volume.service_settings_error_message}</p>
        </Detail>
      ) : null}
    </DetailList>
  );
}

export function Marketplace({ volume }: { volume: Volume }) {
  if (volume.marketplace_resource_uuid === null) {
    return (
      <p className="muted">
        This volume has no marketplace resource (it was imported or created outside the
        marketplace).
      </p>
    );
  }
  return (
    <DetailList>
      <Detail label="Offering">{volume.marketplace_offering_name}</Detail>
      <Detail label="Category">{volume.marketplace_category_name}</Detail>
      <Detail label="Plan">
        {volume.marketplace_plan_uuid ? (
          <span className="mono">{volume.marketplace_plan_uuid}</span>
        ) : volume.marketplace_plan_uuid === null ? (
          <span className="muted">None</span>
        ) : undefined}
      </Detail>
      <Detail label="Resource">
        {volume.marketplace_resource_uuid ? (
          <span className="mono">{volume.marketplace_resource_uuid}</span>
        ) : undefined}
      </Detail>
      <Detail label="Resource state">{volume.marketplace_resource_state}</Detail>
      <Detail label="Billing">
        {volume.is_usage_based
          ? 'Usage based'
          : volume.is_limit_based
            ? 'Limit based'
            : volume.is_usage_based === false
              ? 'Fixed'
              : undefined}
      </Detail>
    </DetailList>
  );
}
