import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { CodeBlock } from '@/components/code-block';
import { CopyButton } from '@/components/copy-button';
import { Spinner } from '@/components/spinner';
import { ErrorState } from '@/components/status';
import { T, useT } from '@/lib/i18n';
import { api } from '@/lib/session';
import { uuidFromUrl } from '@/lib/uuid';
import { volumeQueries } from '../api/volumes';
import type { Volume } from '../model/schemas';
import { isInProgress, stateLabel } from '../model/states';
import { Detail, DetailList } from './detail-list';

function IdRow({ label, value }: { label: string; value: string | null | undefined }) {
  return (
    <Detail label={label}>
      {value ? (
        <span className="id-value">
          <span className="mono" dir="ltr">
            {value}
          </span>
          <CopyButton value={value} label={label} />
        </span>
      ) : null}
    </Detail>
  );
}

/** A ready-to-run curl command for this volume; the token stays a placeholder. */
export function curlFor(url: string) {
  return `curl -sS -H "Authorization: Token $WALDUR_TOKEN" -H "Accept: application/json" '${url}'`;
}

function RawJson({ uuid }: { uuid: string }) {
  const t = useT();
  const raw = useQuery(volumeQueries.raw(uuid));
  if (raw.isPending) return <Spinner label={t('Loading the raw JSON')} />;
  if (raw.isError) {
    return (
      <ErrorState
        title={t('Could not load the raw JSON')}
        error={raw.error}
        onRetry={() => void raw.refetch()}
      />
    );
  }
  const text = JSON.stringify(raw.data, null, 2);
  return (
    <>
      <div className="panel-actions">
        <CopyButton value={text} label={t('raw JSON')} />
        <button type="button" className="btn btn--ghost btn--sm" onClick={() => void raw.refetch()}>
          {t('Reload')}
        </button>
      </div>
      <CodeBlock label={t('Raw JSON of the volume')} tall>
        {text}
      </CodeBlock>
    </>
  );
}

/**
 * Everything support staff need: every ID with a copy button, the failure's full text and
 * traceback, the running action, the exact JSON the API returns, and a curl command.
 */
export function SupportPanel({ volume }: { volume: Volume }) {
  const t = useT();
  const [showRaw, setShowRaw] = useState(false);
  const url = volume.url ?? api().url(`api/openstack-volumes/${volume.uuid}`);
  const curl = curlFor(url);
  const details =
    volume.action_details && Object.keys(volume.action_details).length > 0
      ? volume.action_details
      : null;
  return (
    <div className="support">
      <DetailList>
        <IdRow label={t('UUID')} value={volume.uuid} />
        <IdRow label={t('Backend ID (Cinder)')} value={volume.backend_id} />
        <IdRow label={t('API URL')} value={url} />
        <IdRow label={t('Tenant UUID')} value={volume.tenant_uuid} />
        <IdRow label={t('Instance UUID')} value={uuidFromUrl(volume.instance)} />
        <IdRow label={t('Project UUID')} value={volume.project_uuid} />
        <IdRow label={t('Customer UUID')} value={volume.customer_uuid} />
        <IdRow label={t('Service settings UUID')} value={volume.service_settings_uuid} />
        <IdRow label={t('Marketplace resource UUID')} value={volume.marketplace_resource_uuid} />
        <Detail label={t('Action')}>
          {!volume.action ? (
            <span className="muted">{t('None running')}</span>
          ) : isInProgress(volume) ? (
            volume.action
          ) : (
            <T
              m="{action} <muted>(left over: the volume is {state}, nothing is running. Waldur keeps the last action after a staff “Mark as OK” or “Mark as erred”.)</muted>"
              v={{ action: volume.action, state: stateLabel(volume.state) }}
              tags={{ muted: (c) => <span className="muted">{c}</span> }}
            />
          )}
        </Detail>
        <Detail label={t('Action details')} wide>
          {details ? (
            <CodeBlock label={t('Action details')}>{JSON.stringify(details, null, 2)}</CodeBlock>
          ) : (
            <span className="muted">{t('None')}</span>
          )}
        </Detail>
        <Detail label={t('Error message')} wide>
          {volume.error_message ? (
            <p className="error-text">{volume.error_message}</p>
          ) : (
            <span className="muted">{t('None')}</span>
          )}
        </Detail>
      </DetailList>
      {volume.error_traceback ? (
        <details className="disclosure">
          <summary>{t('Error traceback')}</summary>
          <CodeBlock label={t('Error traceback')} tall>
            {volume.error_traceback}
          </CodeBlock>
          <CopyButton value={volume.error_traceback} label={t('error traceback')} />
        </details>
      ) : null}
      <details className="disclosure" onToggle={(event) => setShowRaw(event.currentTarget.open)}>
        <summary>{t('Raw JSON')}</summary>
        {showRaw ? <RawJson uuid={volume.uuid} /> : null}
      </details>
      <div className="curl">
        <p className="field__label">{t('Copy as curl')}</p>
        <CodeBlock label={t('curl command')}>{curl}</CodeBlock>
        <CopyButton value={curl} label={t('curl command')} />
      </div>
    </div>
  );
}
