import * as z from 'zod/mini';
import { NumberField } from '@/components/form-fields';
import { Callout } from '@/components/status';
import { formatInteger } from '@/lib/format';
import { formatNumber, T, t, useT } from '@/lib/i18n';
import { formatSize, gibToMib, MIB_PER_GIB, minimumExtendGib } from '@/lib/units';
import { PriceChange } from '../components/price-estimate';
import {
  formatQuotaAmount,
  overQuotaReason,
  QuotaBars,
  quotaLabel,
} from '../components/quota-bars';
import { usePricing } from '../hooks/use-pricing';
import { extendDeltas, overQuota, quotaUses } from '../model/quota-use';
import type { Volume } from '../model/schemas';
import { ActionDialog } from './action-dialog';
import { useActionDialog } from './use-action-dialog';

function sizeSchema(currentMib: number) {
  const min = minimumExtendGib(currentMib);
  return z.object({
    size: z.number({ error: () => t('Enter the new size as a whole number of GiB') }).check(
      z.int({ error: () => t('Whole GiB only') }),
      z.refine((gib) => gibToMib(gib) > currentMib, {
        error: () =>
          t('A volume can’t shrink or stay the same: it is {size} now.', {
            size: formatSize(currentMib),
          }),
        abort: true,
      }),
      z.gte(min, {
        error: () =>
          t('At least {min} GiB: Waldur needs the current size plus 1 GiB.', {
            min: formatInteger(min),
          }),
      }),
    ),
  });
}
type Values = { size: number };

/** New size in whole GiB; shows the MiB it will send and the change. */
export function ExtendDialog({ volume, onClose }: { volume: Volume; onClose: () => void }) {
  const t = useT();
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
  const pricing = usePricing(volume.project_uuid, volume.tenant_uuid);
  const gib = form.watch('size');
  const valid = Number.isInteger(gib) && gib >= min;
  const sendMib = valid ? gibToMib(gib) : null;
  const uses =
    sendMib !== null
      ? quotaUses(pricing.quotas, extendDeltas(current, sendMib, volume.type_name))
      : [];
  const over = overQuota(uses)[0];

  return (
    <ActionDialog
      title={volume.name ? t('Extend {name}', { name: volume.name }) : t('Extend volume')}
      {...frame}
      description={t('It is {size} now. Volumes can only grow.', { size: formatSize(current) })}
      submitLabel={t('Extend')}
      blockedReason={overQuotaReason(uses)}
      onSubmit={submitAction(
        (values) => ({ action: 'extend', body: { disk_size: gibToMib(values.size) } }),
        (values) =>
          t('Extend of {name} to {size} scheduled', {
            name: volume.name,
            size: formatSize(gibToMib(values.size)),
          }),
      )}
    >
      <NumberField
        form={form}
        name="size"
        label={t('New size (GiB)')}
        required
        min={min}
        problem={
          over
            ? t('{over} over the {quota} quota', {
                over: formatQuotaAmount(over.over, over.unit),
                quota: quotaLabel(over.name),
              })
            : null
        }
        hint={t('Minimum {min} GiB (current size + 1 GiB, rounded up).', {
          min: formatInteger(min),
        })}
      />
      <p className="extend-summary" aria-live="polite">
        {sendMib !== null ? (
          <T
            m="Waldur will get <b>{sent} MiB</b> (from {current} MiB: +{added} GiB)."
            v={{
              sent: formatInteger(sendMib),
              current: formatInteger(current),
              added: formatNumber((sendMib - current) / MIB_PER_GIB, 2),
            }}
            tags={{ b: (c) => <strong className="num">{c}</strong> }}
          />
        ) : (
          <span className="muted">{t('Enter a size to see what will be sent.')}</span>
        )}
      </p>
      <QuotaBars uses={uses} tenant={pricing.tenantName} loading={pricing.quotasLoading} />
      <PriceChange
        pricing={pricing}
        before={{ sizeMib: current, typeName: volume.type_name }}
        after={sendMib !== null ? { sizeMib: sendMib, typeName: volume.type_name } : null}
      />
      {volume.instance_name ? (
        <Callout tone="info">
          <p>
            {t(
              '{instance} is shut off; Waldur detaches the volume, extends it and attaches it again. The instance shows as updating until then.',
              { instance: volume.instance_name },
            )}
          </p>
        </Callout>
      ) : null}
    </ActionDialog>
  );
}
