import { useQuery } from '@tanstack/react-query';
import { ConfirmNameField } from '@/components/form-fields';
import { Callout } from '@/components/status';
import { snapshotQueries } from '../api/snapshots';
import { SnapshotNames } from '../components/snapshot-names';
import type { Volume } from '../model/schemas';
import { ActionDialog } from './action-dialog';
import { useConfirmNameDialog } from './use-action-dialog';

/** Unlinking removes the volume's snapshots from Waldur too (`on_delete=CASCADE`, contract E4). */
function CascadedSnapshots({ volume }: { volume: Volume }) {
  const snapshots = useQuery(snapshotQueries.byVolume(volume.uuid));
  if (snapshots.isPending) return <p className="muted">Checking for snapshots of this volume…</p>;
  if (snapshots.isError) {
    return (
      <Callout tone="warning" title="Could not list this volume’s snapshots">
        <p>Any snapshots of it are removed from Waldur too. {snapshots.error.message}</p>
      </Callout>
    );
  }
  const items = snapshots.data.items;
  if (items.length === 0) return <p className="muted">It has no snapshots in Waldur.</p>;
  return (
    <Callout
      tone="warning"
      title={`Its ${items.length === 1 ? 'snapshot goes' : `${items.length} snapshots go`} too`}
    >
      <p>
        Waldur removes a volume’s snapshots with it. In OpenStack they keep existing, no longer
        managed by Waldur:
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
  const { form, submitAction, frame, name } = useConfirmNameDialog(volume, 'unlink', onClose);
  return (
    <ActionDialog
      tone="danger"
      {...frame}
      title={`Unlink ${name}?`}
      submitLabel="Unlink from Waldur"
      onSubmit={submitAction(
        () => ({ action: 'unlink' }),
        () => ({
          title: `${name} was unlinked from Waldur`,
          message: 'Its record is gone from Waldur; nothing was changed in OpenStack.',
        }),
        afterUnlink,
      )}
    >
      <div className="callout callout--danger">
        <p className="callout__title">This removes the record from Waldur only</p>
        <p>
          Nothing is deleted in OpenStack: the Cinder volume{' '}
          {volume.backend_id ? (
            <span className="mono">{volume.backend_id}</span>
          ) : (
            '(it has no backend ID)'
          )}{' '}
          keeps existing and keeps using storage, but Waldur will no longer show, bill or manage it.
          Use this for records stuck in a transitional state. It cannot be undone here.
        </p>
      </div>
      <CascadedSnapshots volume={volume} />
      <ConfirmNameField form={form} subject="volume" name={name} />
    </ActionDialog>
  );
}
