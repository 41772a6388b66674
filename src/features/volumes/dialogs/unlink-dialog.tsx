import { useQuery } from '@tanstack/react-query';
import { ConfirmNameField } from '@/components/form-fields';
import { Callout } from '@/components/status';
import { T, useT } from '@/lib/i18n';
import { snapshotQueries } from '../api/snapshots';
import { SnapshotNames } from '../components/snapshot-names';
import type { Volume } from '../model/schemas';
import { ActionDialog } from './action-dialog';
import { useConfirmNameDialog } from './use-action-dialog';

/** Unlinking removes the volume's snapshots from Waldur too (`on_delete=CASCADE`, contract E4). */
function CascadedSnapshots({ volume }: { volume: Volume }) {
  const t = useT();
  const snapshots = useQuery(snapshotQueries.byVolume(volume.uuid));
  if (snapshots.isPending)
    return <p className="muted">{t('Checking for snapshots of this volume…')}</p>;
  if (snapshots.isError) {
    return (
      <Callout tone="warning" title={t('Could not list this volume’s snapshots')}>
        <p>
          {t('Any snapshots of it are removed from Waldur too. {error}', {
            error: snapshots.error.message,
          })}
        </p>
      </Callout>
    );
  }
  const items = snapshots.data.items;
  if (items.length === 0) return <p className="muted">{t('It has no snapshots in Waldur.')}</p>;
  return (
    <Callout
      tone="warning"
      title={t('{count, plural, one {Its snapshot goes too} other {Its # snapshots go too}}', {
        count: items.length,
      })}
    >
      <p>
        {t(
          'Waldur removes a volume’s snapshots with it. In OpenStack they keep existing, no longer managed by Waldur:',
        )}
      </p>
      <SnapshotNames snapshots={items} />
    </Callout>
  );
}

/**
 * Staff only. Unlink deletes Waldur's record without touching OpenStack, for records stuck in a
 * transitional state; the user types the volume's name to confirm.
 */
export function UnlinkDialog({
  volume,
  onClose,
  afterUnlink,
}: {
  volume: Volume;
  onClose: () => void;
  afterUnlink?: () => void;
}) {
  const t = useT();
  const { form, submitAction, frame, name } = useConfirmNameDialog(volume, 'unlink', onClose);
  return (
    <ActionDialog
      tone="danger"
      {...frame}
      title={t('Unlink {name}?', { name })}
      submitLabel={t('Unlink from Waldur')}
      onSubmit={submitAction(
        () => ({ action: 'unlink' }),
        () => ({
          title: t('{name} was unlinked from Waldur', { name }),
          message: t('Its record is gone from Waldur; nothing was changed in OpenStack.'),
        }),
        afterUnlink,
      )}
    >
      <div className="callout callout--danger">
        <p className="callout__title">{t('This removes the record from Waldur only')}</p>
        <p>
          {volume.backend_id ? (
            <T
              m="Nothing is deleted in OpenStack: the Cinder volume {id} keeps existing and keeps using storage, but Waldur will no longer show, bill or manage it. Use this for records stuck in a transitional state. It cannot be undone here."
              v={{ id: <bdi className="mono">{volume.backend_id}</bdi> }}
            />
          ) : (
            t(
              'Nothing is deleted in OpenStack: the Cinder volume (it has no backend ID) keeps existing and keeps using storage, but Waldur will no longer show, bill or manage it. Use this for records stuck in a transitional state. It cannot be undone here.',
            )
          )}
        </p>
      </div>
      <CascadedSnapshots volume={volume} />
      <ConfirmNameField form={form} subject="volume" name={name} />
    </ActionDialog>
  );
}
