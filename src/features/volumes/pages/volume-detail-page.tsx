import './volume-detail.css';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { LoadingBlock, Spinner } from '@/components/spinner';
import { PageLoadError, QueryErrorState } from '@/components/status';
import { ApiError } from '@/lib/api-error';
import { useT } from '@/lib/i18n';
import { formatSize } from '@/lib/units';
import { useDocumentTitle } from '@/lib/use-document-title';
import { normalizeUuid } from '@/lib/uuid';
import { volumeFromLists, volumeQueries } from '../api/volumes';
import { ActionBar } from '../components/action-controls';
import { LiveStatus } from '../components/live-status';
import { NotFoundPage } from '../components/not-found-page';
import { SnapshotList } from '../components/snapshot-list';
import { StateBadge } from '../components/state-badge';
import { SupportPanel } from '../components/support-panel';
import { VolumeHistory } from '../components/volume-history';
import { ErredNotice, FailedDeletionNotice, ProgressNotice } from '../components/volume-notices';
import { Marketplace, Organisation, Overview } from '../components/volume-sections';
import { DialogHost } from '../dialogs/dialog-host';
import { useSettleAnnouncements } from '../hooks/use-settle-announcements';
import { needsRefresh } from '../model/states';

function useBackLink() {
  const t = useT();
  const from = (useLocation().state as { from?: string } | null)?.from;
  const isList = typeof from === 'string' && from.startsWith('/volumes');
  return {
    to: isList ? from : '/volumes',
    label: isList && from.includes('?') ? t('Back to the filtered list') : t('All volumes'),
  };
}

function NotFound({ title, message }: { title: string; message: string }) {
  return <NotFoundPage title={title} message={message} back={useBackLink()} />;
}

export function VolumeDetailPage() {
  const t = useT();
  const params = useParams();
  const uuid = normalizeUuid(params.uuid);
  if (!uuid) {
    return (
      <NotFound
        title={t('Volume not found')}
        message={t('“{value}” is not a volume UUID.', { value: params.uuid ?? '' })}
      />
    );
  }
  return <VolumeDetail uuid={uuid} />;
}

function VolumeDetail({ uuid }: { uuid: string }) {
  const t = useT();
  const queryClient = useQueryClient();
  const back = useBackLink();
  const navigate = useNavigate();
  const query = useQuery({
    ...volumeQueries.detail(uuid),
    // Coming from the list, show the row at once; the rest fills in when the full volume arrives.
    placeholderData: () => volumeFromLists(queryClient, uuid),
  });
  const { data: volume, error, isError, isPending, isPlaceholderData, isFetching, refetch } = query;
  useDocumentTitle(volume?.name ?? t('Volume'));
  useSettleAnnouncements(volume && !isPlaceholderData ? [volume] : undefined);

  const notFound = isError && error instanceof ApiError && error.isNotFound;
  if (notFound && !volume) {
    return (
      <NotFound
        title={t('Volume not found')}
        message={t('There is no volume with this UUID, or you cannot see it.')}
      />
    );
  }
  if (isPending) {
    return <LoadingBlock label={t('Loading the volume')} />;
  }
  if (isError && !volume) {
    return (
      <PageLoadError
        title={t('Could not load this volume')}
        query={{ error, refetch, isFetching }}
      />
    );
  }
  if (!volume) return null;

  return (
    <div className="page">
      <nav aria-label={t('Breadcrumb')} className="breadcrumb">
        <Link to={back.to}>
          <span aria-hidden="true" className="flip-rtl">
            ←
          </span>{' '}
          {back.label}
        </Link>
      </nav>
      <header className="page-header detail-header">
        <div className="detail-header__title">
          <h1 className="page-title">
            {volume.name || <span className="muted">{t('(unnamed volume)')}</span>}
          </h1>
          <div className="detail-header__meta">
            {notFound ? (
              <span className="badge badge--neutral">{t('Gone')}</span>
            ) : volume.state !== undefined ? (
              <StateBadge volume={volume} />
            ) : null}
            {volume.size !== undefined ? (
              <span className="num">{formatSize(volume.size)}</span>
            ) : null}
            {volume.type_name ? <span className="muted">{volume.type_name}</span> : null}
            {isPlaceholderData ? (
              <span className="muted">
                <Spinner label={t('Loading all details')} /> {t('Loading all details…')}
              </span>
            ) : null}
          </div>
        </div>
        <LiveStatus
          query={query}
          inProgress={!notFound && needsRefresh(volume) ? 1 : 0}
          stale={isPlaceholderData}
        />
      </header>

      {!notFound ? (
        <ActionBar volume={volume} afterUnlink={() => navigate(back.to, { replace: true })} />
      ) : null}

      {notFound ? (
        <div className="callout callout--warning" role="alert">
          <p className="callout__title">{t('This volume no longer exists')}</p>
          <p>
            {t('It was deleted or unlinked. What you see below is its last known state.')}{' '}
            <Link to={back.to}>{back.label}</Link>
          </p>
        </div>
      ) : isError ? (
        <QueryErrorState
          title={t('Could not refresh this volume')}
          query={{ error, refetch, isFetching }}
        />
      ) : null}

      <div className="detail-notices">
        {notFound ? null : (
          <>
            <ErredNotice volume={volume} />
            <ProgressNotice volume={volume} />
            <FailedDeletionNotice volume={volume} />
          </>
        )}
      </div>

      <div className="detail-grid">
        {(
          [
            ['overview', t('Overview'), <Overview key="overview" volume={volume} />],
            [
              'organisation',
              t('Organisation'),
              <Organisation key="organisation" volume={volume} />,
            ],
            ['marketplace', t('Marketplace'), <Marketplace key="marketplace" volume={volume} />],
            [
              'snapshots',
              t('Snapshots'),
              <SnapshotList key="snapshots" volumeUuid={volume.uuid} />,
            ],
            ['history', t('History'), <VolumeHistory key="history" volume={volume} />],
            ['support', t('Support'), <SupportPanel key="support" volume={volume} />],
          ] as const
        ).map(([id, title, content]) => (
          <section key={id} className="panel" aria-labelledby={id}>
            <h2 id={id} className="panel__title">
              {title}
            </h2>
            {content}
          </section>
        ))}
      </div>
      <DialogHost />
    </div>
  );
}
