// `/snapshots/:uuid`: everything about one snapshot, its source volume (linked), the volumes
// restored from it, and its actions: restore to a new volume, edit, delete. Refreshed live while
// it is in transition; once deleted, it says so.
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { Link, useParams } from 'react-router';
import { LoadingBlock, Spinner } from '@/components/spinner';
import { PageLoadError, QueryErrorState } from '@/components/status';
import { Table } from '@/components/table';
import { RelativeTime } from '@/components/time';
import { ApiError } from '@/lib/api-error';
import { currentUserQuery } from '@/lib/current-user';
import { useT } from '@/lib/i18n';
import { formatSize } from '@/lib/units';
import { useDocumentTitle } from '@/lib/use-document-title';
import { normalizeUuid, uuidFromUrl } from '@/lib/uuid';
import { snapshotPageQueries } from '../api/snapshot-pages';
import { snapshotQueries } from '../api/snapshots';
import { Detail, DetailList, KeyValues, Timestamps } from '../components/detail-list';
import { LiveStatus } from '../components/live-status';
import { NotFoundPage } from '../components/not-found-page';
import { Retention } from '../components/snapshot-table';
import { RuntimeBadge, StateBadge } from '../components/state-badge';
import { DialogHost } from '../dialogs/dialog-host';
import type { Snapshot } from '../model/schemas';
import { type SnapshotAvailability, snapshotAvailability } from '../model/snapshot-rules';
import { isSettledState } from '../model/states';
import { openDialog, preloadDialog } from '../state/dialogs';

function ActionButton({ snapshot, action }: { snapshot: Snapshot; action: SnapshotAvailability }) {
  const reasonId = useId();
  return (
    <span className="tip-host tip-host--button">
      <button
        type="button"
        className={`btn ${action.id === 'delete' ? 'btn--danger' : 'btn--secondary'} btn--sm`}
        aria-disabled={!action.enabled || undefined}
        aria-describedby={action.reason ? reasonId : undefined}
        onPointerEnter={() => preloadDialog('snapshot')}
        onFocus={() => preloadDialog('snapshot')}
        onClick={() => {
          if (action.enabled) openDialog({ kind: 'snapshot', action: action.id, snapshot });
        }}
      >
        {action.label}
      </button>
      {action.reason ? (
        <span id={reasonId} role="tooltip" className="tip">
          {action.reason}
        </span>
      ) : null}
    </span>
  );
}

function Restorations({ uuid }: { uuid: string }) {
  const t = useT();
  const { data, isPending, isError, error, refetch, isFetching } = useQuery(
    snapshotPageQueries.restorations(uuid),
  );
  if (isPending) return <Spinner label={t('Loading restorations')} />;
  if (isError)
    return (
      <QueryErrorState
        title={t('Could not load the restorations')}
        query={{ error, refetch, isFetching }}
      />
    );
  if (data.length === 0) return <p className="muted">{t('No volume was restored from it.')}</p>;
  return (
    <div className="table-wrap">
      <Table
        caption={t('Volumes restored from this snapshot')}
        columns={[
          t('Volume'),
          t('State'),
          { label: t('Size'), numeric: true },
          t('Restored'),
          t('Description'),
        ]}
      >
        {data.map((restoration) => {
          const volume = uuidFromUrl(restoration.volume);
          return (
            <tr key={restoration.uuid ?? volume}>
              <th scope="row">
                {volume ? (
                  <Link to={`/volumes/${volume}`}>{restoration.volume_name || volume}</Link>
                ) : (
                  restoration.volume_name
                )}
              </th>
              <td>
                <StateBadge volume={{ state: restoration.volume_state }} />
              </td>
              <td className="num">{formatSize(restoration.volume_size)}</td>
              <td>
                <RelativeTime value={restoration.created} />
              </td>
              <td>{restoration.description}</td>
            </tr>
          );
        })}
      </Table>
    </div>
  );
}

function SnapshotDetail({ uuid }: { uuid: string }) {
  const t = useT();
  const query = useQuery(snapshotQueries.detail(uuid));
  const user = useQuery(currentUserQuery());
  const { data: snapshot, error, isError, isPending, isFetching, refetch } = query;
  useDocumentTitle(snapshot?.name ?? t('Snapshot', {}, 'noun'));
  const gone = isError && error instanceof ApiError && error.isNotFound;
  if (isPending) {
    return <LoadingBlock label={t('Loading the snapshot')} />;
  }
  if (gone && !snapshot) {
    return (
      <NotFoundPage
        title={t('Snapshot not found')}
        message={t('There is no snapshot with this UUID, or you cannot see it.')}
        back={{ to: '/snapshots', label: t('All snapshots') }}
      />
    );
  }
  if (!snapshot) {
    return (
      <PageLoadError
        title={t('Could not load this snapshot')}
        query={{ error, refetch, isFetching }}
      />
    );
  }
  const volume = uuidFromUrl(snapshot.source_volume);
  const actions = snapshotAvailability(snapshot, user.data);
  return (
    <div className="page">
      <nav aria-label={t('Breadcrumb')} className="breadcrumb">
        <Link to="/snapshots">
          <span aria-hidden="true" className="flip-rtl">
            ←
          </span>{' '}
          {t('All snapshots')}
        </Link>
      </nav>
      <header className="page-header detail-header">
        <div className="detail-header__title">
          <h1 className="page-title">
            {snapshot.name || <span className="muted">{t('(unnamed)')}</span>}
          </h1>
          <div className="detail-header__meta">
            <StateBadge volume={{ state: snapshot.state, action: snapshot.action }} />
            <span className="num">{formatSize(snapshot.size)}</span>
            <span className="muted">{t('Snapshot', {}, 'noun')}</span>
          </div>
        </div>
        <LiveStatus
          query={query}
          inProgress={snapshot.state && !isSettledState(snapshot.state) ? 1 : 0}
        />
      </header>
      {gone ? (
        <div className="callout callout--warning" role="alert">
          <p className="callout__title">{t('This snapshot no longer exists')}</p>
          <p>
            {t('It was deleted. What you see below is its last known state.')}{' '}
            <Link to="/snapshots">{t('All snapshots')}</Link>
          </p>
        </div>
      ) : (
        <div
          className="action-bar"
          role="toolbar"
          aria-label={
            snapshot.name
              ? t('Actions for {name}', { name: snapshot.name })
              : t('Actions for this snapshot')
          }
        >
          {actions.map((action) => (
            <ActionButton key={action.id} snapshot={snapshot} action={action} />
          ))}
        </div>
      )}
      {snapshot.state === 'ERRED' && snapshot.error_message ? (
        <div className="callout callout--danger" role="alert">
          <p className="callout__title">{t('Erred')}</p>
          <p>{snapshot.error_message}</p>
        </div>
      ) : null}
      <div className="detail-grid">
        <section className="panel" aria-labelledby="snapshot-overview">
          <h2 id="snapshot-overview" className="panel__title">
            {t('Overview')}
          </h2>
          <DetailList>
            <Detail label={t('Source volume')}>
              {volume ? (
                <Link to={`/volumes/${volume}`}>{snapshot.source_volume_name ?? volume}</Link>
              ) : (
                <span className="muted">{t('None (the volume is gone)')}</span>
              )}
            </Detail>
            <Detail label={t('Runtime state')}>
              {snapshot.runtime_state ? (
                <RuntimeBadge runtime={snapshot.runtime_state} />
              ) : undefined}
            </Detail>
            <Detail label={t('Retention')}>
              <Retention keptUntil={snapshot.kept_until} />
            </Detail>
            <Detail label={t('Project')}>{snapshot.project_name}</Detail>
            <Timestamps of={snapshot} />
            <Detail label={t('UUID')}>
              <span className="mono" dir="ltr">
                {snapshot.uuid}
              </span>
            </Detail>
            <Detail label={t('Backend ID')}>
              {snapshot.backend_id ? (
                <span className="mono" dir="ltr">
                  {snapshot.backend_id}
                </span>
              ) : undefined}
            </Detail>
            <Detail label={t('Description')} wide>
              {snapshot.description || <span className="muted">{t('No description')}</span>}
            </Detail>
            <Detail label={t('Metadata')} wide>
              <KeyValues value={snapshot.metadata} />
            </Detail>
          </DetailList>
        </section>
        <section className="panel" aria-labelledby="snapshot-restorations">
          <h2 id="snapshot-restorations" className="panel__title">
            {t('Restored volumes')}
          </h2>
          <Restorations uuid={snapshot.uuid} />
        </section>
      </div>
      <DialogHost />
    </div>
  );
}

export function SnapshotDetailPage() {
  const t = useT();
  const params = useParams();
  const uuid = normalizeUuid(params.uuid);
  if (!uuid) {
    return (
      <NotFoundPage
        title={t('Snapshot not found')}
        message={t('“{value}” is not a snapshot UUID.', { value: params.uuid ?? '' })}
        back={{ to: '/snapshots', label: t('All snapshots') }}
      />
    );
  }
  return <SnapshotDetail uuid={uuid} />;
}
