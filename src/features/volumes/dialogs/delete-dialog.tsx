// Deleting a volume: Waldur terminates its marketplace resource (contract-lifecycle §3.2), which
// deletes it in OpenStack. The user types the name to confirm. Snapshots stand in the way (Waldur
// refuses with "Volume has dependent snapshots."), so the dialog lists them first.
import { useQuery } from '@tanstack/react-query';
import { ConfirmNameField } from '@/components/form-fields';
import { Callout } from '@/components/status';
import { useT } from '@/lib/i18n';
import { formatSize } from '@/lib/units';
import { snapshotQueries } from '../api/snapshots';
import { SnapshotNames } from '../components/snapshot-names';
import type { Volume } from '../model/schemas';
import { ActionDialog } from './action-dialog';
import { useConfirmNameDialog } from './use-action-dialog';

export function DeleteDialog({ volume, onClose }: { volume: Volume; onClose: () => void }) {
  const t = useT();
  const { form, submitAction, frame, name } = useConfirmNameDialog(volume, 'delete', onClose);
  const snapshots = useQuery(snapshotQueries.byVolume(volume.uuid));
  const blocking = snapshots.data?.items ?? [];
  return (
    <ActionDialog
      tone="danger"
      {...frame}
      title={t('Delete {name}?', { name })}
      submitLabel={t('Delete volume')}
      submitDisabled={blocking.length > 0}
      onSubmit={submitAction(
        () => ({ action: 'delete' }),
        () => ({
          title: t('Deletion of {name} requested', { name }),
          message: t('Waldur deletes it in OpenStack; Operations follows it until it is gone.'),
        }),
      )}
    >
      <Callout tone="danger" title={t('This deletes the volume and its data in OpenStack')}>
        <p>
          {volume.project_name
            ? t('{size} of data in {project} are destroyed. It cannot be undone.', {
                size: formatSize(volume.size ?? 0),
                project: volume.project_name,
              })
            : t('{size} of data in its project are destroyed. It cannot be undone.', {
                size: formatSize(volume.size ?? 0),
              })}
        </p>
      </Callout>
      {blocking.length > 0 ? (
        <Callout
          tone="warning"
          title={t('{count, plural, one {It has a snapshot} other {It has # snapshots}}', {
            count: blocking.length,
          })}
        >
          <p>{t('Waldur keeps a volume that has snapshots. Delete or keep them first:')}</p>
          <SnapshotNames snapshots={blocking} onOpen={onClose} />
        </Callout>
      ) : snapshots.isPending ? (
        <p className="muted">{t('Checking for snapshots of this volume…')}</p>
      ) : null}
      <ConfirmNameField form={form} subject="volume" name={name} />
    </ActionDialog>
  );
}
