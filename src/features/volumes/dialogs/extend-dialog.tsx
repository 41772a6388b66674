import { useQuery } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { NumberField } from '@/components/form-fields';
import { Callout } from '@/components/status';
import { formatInteger } from '@/lib/format';
import { formatSize, gibToMib, MIB_PER_GIB, minimumExtendGib } from '@/lib/units';
import { directoryQueries } from '../api/directory';
import type { Volume } from '../model/schemas';
import { ActionDialog } from './action-dialog';
import { useActionDialog } from './use-action-dialog';

function sizeSchema(currentMib: number) {
  const min = minimumExtendGib(currentMib);
  return z.object({
    size: z.number({ error: 'Enter the new size as a whole number of GiB' }).check(
      z.int({ error: 'Whole GiB only' }),
      z.refine((gib) => gibToMib(gib) > currentMib, {
        error: `A volume can’t shrink or stay the same: it is ${formatSize(currentMib)} now.`,
        abort: true,
      }),
      z.gte(min, { error: `At least ${min} GiB: Waldur needs the current size plus 1 GiB.` }),
    ),
  });
}
type Values = { size: number };

/** New size in whole GiB; shows the MiB it will send and the change. */
export function ExtendDialog({ volume, onClose }: { volume: Volume; onClose: () => void }) {
  const current = volume.size ?? 0;
  const min = minimumExtendGib(current);
  const { form, submitAction, frame } = useActionDialog<Values>({
    volume,
    action: 'extend',
    schema: sizeSchema(current),
    defaults: { size: min },
    fieldMap: { disk_size: 'size' },
    onClose,
  });
  const tenant = useQuery({
    ...directoryQueries.tenantQuotas(volume.tenant_uuid ?? ''),
    enabled: Boolean(volume.tenant_uuid),
  });
  const gib = form.watch('size');
  const valid = Number.isInteger(gib) && gib >= min;
  const sendMib = valid ? gibToMib(gib) : null;
  const storage = tenant.data?.quotas?.find((q) => q.name === 'storage');
  const left =
    storage &&
    typeof storage.limit === 'number' &&
    storage.limit >= 0 &&
    typeof storage.usage === 'number'
      ? storage.limit - storage.usage
      : null;

  return (
    <ActionDialog
      title={`Extend ${volume.name ?? 'volume'}`}
      {...frame}
      description={`It is ${formatSize(current)} now. Volumes can only grow.`}
      submitLabel="Extend"
      onSubmit={submitAction(
        (values) => ({ action: 'extend', body: { disk_size: gibToMib(values.size) } }),
        (values) => `Extend of ${volume.name} to ${formatSize(gibToMib(values.size))} scheduled`,
      )}
    >
      <NumberField
        form={form}
        name="size"
        label="New size (GiB)"
        required
        min={min}
        hint={`Minimum ${min} GiB (current size + 1 GiB, rounded up).`}
      />
      <p className="extend-summary" aria-live="polite">
        {sendMib !== null ? (
          <>
            Waldur will get <strong className="num">{formatInteger(sendMib)} MiB</strong> (from{' '}
            {formatInteger(current)} MiB: +
            {((sendMib - current) / MIB_PER_GIB).toLocaleString('en', { maximumFractionDigits: 2 })}{' '}
            GiB).
          </>
        ) : (
          <span className="muted">Enter a size to see what will be sent.</span>
        )}
      </p>
      {left !== null ? (
        <p className={sendMib !== null && sendMib - current > left ? 'field__error' : 'muted'}>
          Storage quota of tenant {tenant.data?.name}: {formatSize(Math.max(left, 0))} left
          {sendMib !== null && sendMib - current > left
            ? ' — this is more than is left; Waldur will refuse it.'
            : '.'}
        </p>
      ) : null}
      {volume.instance_name ? (
        <Callout tone="info">
          <p>
            {volume.instance_name} is shut off; Waldur detaches the volume, extends it and attaches
            it again. The instance shows as updating until then.
          </p>
        </Callout>
      ) : null}
    </ActionDialog>
  );
}
