// A snapshot's actions (contract-lifecycle §4): edit (name, description, keep-until: a PUT, as
// HomePort sends it), delete (202, then gone), and restore to a new volume (201 with the volume,
// followed in Operations to OK). Each is offered only where Waldur accepts it (see
// model/snapshot-rules); the dialogs keep the input on any failure.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { FieldValues } from 'react-hook-form';
import { Link } from 'react-router';
import * as z from 'zod/mini';
import { ConfirmNameField, TextField } from '@/components/form-fields';
import { Callout } from '@/components/status';
import { msg, T, useT } from '@/lib/i18n';
import { notify } from '@/lib/notifications';
import { formatSize } from '@/lib/units';
import {
  deleteSnapshotWrite,
  restoreSnapshotWrite,
  updateSnapshotWrite,
} from '../api/snapshot-pages';
import { volumeQueries } from '../api/volumes';
import { PriceEstimate } from '../components/price-estimate';
import { overQuotaReason, QuotaBars } from '../components/quota-bars';
import { usePricing } from '../hooks/use-pricing';
import { newVolumeDeltas, quotaUses } from '../model/quota-use';
import type { Snapshot } from '../model/schemas';
import {
  confirmNameSchema,
  descriptionField,
  keptUntilField,
  nameField,
  toLocalInput,
} from '../model/validation';
import type { OpenDialog } from '../state/dialogs';
import { recordRestore, recordSnapshotOperation } from '../state/records';
import { ActionDialog } from './action-dialog';
import { DescriptionField } from './description-field';
import { SnapshotFields } from './snapshot-fields';
import { type FormDialogOptions, useFormDialog } from './use-form-dialog';

type Props = { snapshot: Snapshot; onClose: () => void };

/** The UUID at the end of a volume's URL. */
const sourceUuid = (url: string | null | undefined) =>
  (url ?? '').split('/').filter(Boolean).pop() ?? '';

/** A form on one snapshot; its draft is per form and snapshot. */
function useSnapshotForm<T extends FieldValues>(
  snapshot: Snapshot,
  form: 'edit' | 'delete' | 'restore',
  options: Omit<FormDialogOptions<T>, 'draft' | 'subject'>,
) {
  return useFormDialog<T>({
    ...options,
    draft: `snapshot-${form}:${snapshot.uuid}`,
    subject: 'snapshot',
  });
}

const editSchema = z.object({
  name: nameField(msg('Enter a name for the snapshot')),
  description: descriptionField,
  keptUntil: keptUntilField,
});

function EditSnapshotDialog({ snapshot, onClose }: Props) {
  const t = useT();
  const queryClient = useQueryClient();
  const { form, submitWrite, frame } = useSnapshotForm(snapshot, 'edit', {
    schema: editSchema,
    defaults: {
      name: snapshot.name ?? '',
      description: snapshot.description ?? '',
      keptUntil: toLocalInput(snapshot.kept_until),
    },
    fieldMap: { name: 'name', description: 'description', kept_until: 'keptUntil' },
  });
  return (
    <ActionDialog
      title={
        snapshot.name ? t('Edit snapshot {name}', { name: snapshot.name }) : t('Edit snapshot')
      }
      {...frame}
      onClose={onClose}
      submitLabel={t('Save')}
      onSubmit={submitWrite(
        (values) =>
          updateSnapshotWrite(queryClient, snapshot, {
            name: values.name,
            description: values.description,
            kept_until: values.keptUntil ? new Date(values.keptUntil).toISOString() : null,
          }),
        ({ value: updated, answerLost }, values) => {
          recordSnapshotOperation(updated, 'snapshot_edit', answerLost);
          notify({ kind: 'success', title: t('Snapshot {name} saved', { name: values.name }) });
          onClose();
        },
      )}
    >
      <SnapshotFields
        form={form}
        keepUntilHint={t(
          'Empty: kept until deleted. Waldur stores this; it does not delete the snapshot by itself.',
        )}
      />
    </ActionDialog>
  );
}

function DeleteSnapshotDialog({ snapshot, onClose }: Props) {
  const t = useT();
  const queryClient = useQueryClient();
  const name = snapshot.name ?? snapshot.uuid;
  const { form, submitWrite, frame } = useSnapshotForm(snapshot, 'delete', {
    schema: z.object({ confirm: confirmNameSchema(name) }),
    defaults: { confirm: '' },
  });
  return (
    <ActionDialog
      tone="danger"
      title={t('Delete snapshot {name}?', { name })}
      {...frame}
      onClose={onClose}
      submitLabel={t('Delete snapshot')}
      onSubmit={submitWrite(
        () => deleteSnapshotWrite(queryClient, snapshot),
        ({ answerLost }) => {
          recordSnapshotOperation(snapshot, 'snapshot_delete', answerLost);
          notify({ kind: 'success', title: t('Deletion of snapshot {name} scheduled', { name }) });
          onClose();
        },
      )}
    >
      <Callout tone="danger" title={t('This deletes the snapshot in OpenStack')}>
        <p>
          {snapshot.source_volume_name
            ? t('{size} of point-in-time data of {volume} go. Volumes restored from it stay.', {
                size: formatSize(snapshot.size ?? 0),
                volume: snapshot.source_volume_name,
              })
            : t('{size} of point-in-time data of its volume go. Volumes restored from it stay.', {
                size: formatSize(snapshot.size ?? 0),
              })}
        </p>
      </Callout>
      <ConfirmNameField form={form} subject="snapshot" name={name} />
    </ActionDialog>
  );
}

const restoreSchema = z.object({
  name: nameField(msg('Enter a name for the new volume')),
  description: descriptionField,
});

function RestoreSnapshotDialog({ snapshot, onClose }: Props) {
  const t = useT();
  const queryClient = useQueryClient();
  const sourceLink = (c: ReactNode) => (
    <Link to={`/volumes/${sourceUuid(snapshot.source_volume)}`} onClick={onClose}>
      {c}
    </Link>
  );
  // The new volume gets the source volume's type and tenant (Waldur's
  // SnapshotRestorationSerializer): its per-type quota and price, if the source is still there.
  const source = sourceUuid(snapshot.source_volume);
  const sourceVolume = useQuery({ ...volumeQueries.detail(source), enabled: Boolean(source) });
  const typeName = sourceVolume.data?.type_name ?? null;
  // Waldur's snapshots name no tenant: the source volume's is the new volume's.
  const pricing = usePricing(snapshot.project_uuid, sourceVolume.data?.tenant_uuid);
  const sizeMib = snapshot.size ?? 0;
  const uses = quotaUses(pricing.quotas, newVolumeDeltas(sizeMib, typeName));
  const { form, submitWrite, frame } = useSnapshotForm(snapshot, 'restore', {
    schema: restoreSchema,
    defaults: { name: `${snapshot.name ?? 'snapshot'}-restored`.slice(0, 150), description: '' },
    fieldMap: { name: 'name', description: 'description' },
  });
  return (
    <ActionDialog
      title={
        snapshot.name
          ? t('Restore {name} to a new volume', { name: snapshot.name })
          : t('Restore the snapshot to a new volume')
      }
      description={t(
        'A new {size} volume in the same project and tenant, with the snapshot’s data.',
        { size: formatSize(snapshot.size ?? 0) },
      )}
      {...frame}
      onClose={onClose}
      submitLabel={t('Restore')}
      blockedReason={overQuotaReason(uses)}
      onSubmit={submitWrite(
        (values) =>
          restoreSnapshotWrite(queryClient, snapshot, {
            name: values.name,
            // Waldur refuses a blank description; without one it writes "Restored from snapshot …".
            ...(values.description.trim() ? { description: values.description } : {}),
          }),
        ({ value: volume, answerLost }, values) => {
          recordRestore(snapshot, volume, answerLost);
          notify({
            kind: 'success',
            title: t('Restore of {snapshot} to {name} scheduled', {
              snapshot: snapshot.name,
              name: values.name,
            }),
            message: t('Operations follows the new volume until it is OK.'),
          });
          onClose();
        },
      )}
    >
      <TextField form={form} name="name" label={t('Name of the new volume')} required />
      <DescriptionField
        form={form}
        hint={
          // What Waldur stores when none is given: data, as it will read.
          t('Empty: “{description}”.', {
            description: `Restored from snapshot ${snapshot.name ?? ''}`,
          })
        }
      />
      {snapshot.source_volume ? (
        <p className="muted">
          {snapshot.source_volume_name ? (
            <T
              m="It gets the type of <link>{volume}</link>."
              v={{ volume: snapshot.source_volume_name }}
              tags={{ link: sourceLink }}
            />
          ) : (
            <T
              m="It gets the type of <link>the source volume</link>."
              tags={{ link: sourceLink }}
            />
          )}
        </p>
      ) : null}
      <QuotaBars uses={uses} tenant={pricing.tenantName} loading={pricing.quotasLoading} />
      <PriceEstimate pricing={pricing} volume={{ sizeMib, typeName }} />
    </ActionDialog>
  );
}

export function SnapshotDialogs({
  dialog,
  onClose,
}: {
  dialog: Extract<OpenDialog, { kind: 'snapshot' }>;
  onClose: () => void;
}) {
  const key = `${dialog.action}:${dialog.snapshot.uuid}`;
  switch (dialog.action) {
    case 'edit':
      return <EditSnapshotDialog key={key} snapshot={dialog.snapshot} onClose={onClose} />;
    case 'delete':
      return <DeleteSnapshotDialog key={key} snapshot={dialog.snapshot} onClose={onClose} />;
    case 'restore':
      return <RestoreSnapshotDialog key={key} snapshot={dialog.snapshot} onClose={onClose} />;
  }
}
