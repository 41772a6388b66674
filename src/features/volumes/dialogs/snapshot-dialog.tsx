import { useFieldArray } from 'react-hook-form';
import * as z from 'zod/mini';
import { Button } from '@/components/button';
import { TextField } from '@/components/form-fields';
import { msg, T, t, useT } from '@/lib/i18n';
import { overQuotaReason, QuotaBars } from '../components/quota-bars';
import { usePricing } from '../hooks/use-pricing';
import { quotaUses, snapshotDeltas } from '../model/quota-use';
import type { Volume } from '../model/schemas';
import { descriptionField, keptUntilField, nameField, snapshotName } from '../model/validation';
import { ActionDialog } from './action-dialog';
import { SnapshotFields } from './snapshot-fields';
import { useActionDialog } from './use-action-dialog';

const row = z.object({ key: z.string(), value: z.string() });

const schema = z
  .object({
    name: nameField(msg('Enter a name for the snapshot')),
    description: descriptionField,
    keptUntil: keptUntilField,
    metadata: z.array(row),
  })
  .check(
    z.superRefine((values, ctx) => {
      const seen = new Set<string>();
      values.metadata.forEach((item, index) => {
        const key = item.key.trim();
        if (!key && item.value.trim()) {
          ctx.issues.push({
            code: 'custom',
            message: t('Enter a key for this value'),
            path: ['metadata', index, 'key'],
            input: item.key,
          });
        } else if (key && seen.has(key)) {
          ctx.issues.push({
            code: 'custom',
            message: t('This key is already used'),
            path: ['metadata', index, 'key'],
            input: item.key,
          });
        }
        if (key) seen.add(key);
      });
    }),
  );
type Values = z.infer<typeof schema>;

/** Name (with a sensible default), description, optional retention, optional metadata. */
export function SnapshotDialog({ volume, onClose }: { volume: Volume; onClose: () => void }) {
  const t = useT();
  const { form, submitAction, frame } = useActionDialog<Values>({
    volume,
    action: 'snapshot',
    schema,
    defaults: { name: snapshotName(volume), description: '', keptUntil: '', metadata: [] },
    fieldMap: {
      name: 'name',
      description: 'description',
      kept_until: 'keptUntil',
      metadata: 'metadata',
    },
    onClose,
  });
  const metadata = useFieldArray({ control: form.control, name: 'metadata' });
  const { errors } = form.formState;
  const pricing = usePricing(null, volume.tenant_uuid);
  const uses = quotaUses(pricing.quotas, snapshotDeltas(volume.size ?? 0));

  return (
    <ActionDialog
      title={volume.name ? t('Snapshot {name}', { name: volume.name }) : t('Snapshot volume')}
      description={t('A point-in-time copy of the volume, stored in the same tenant.')}
      {...frame}
      size="lg"
      submitLabel={t('Create snapshot')}
      blockedReason={overQuotaReason(uses)}
      onSubmit={submitAction(
        (values) => {
          const entries = values.metadata
            .filter((m) => m.key.trim())
            .map((m) => [m.key.trim(), m.value] as const);
          return {
            action: 'snapshot',
            body: {
              name: values.name.trim(),
              ...(values.description ? { description: values.description } : {}),
              ...(entries.length > 0 ? { metadata: Object.fromEntries(entries) } : {}),
              ...(values.keptUntil ? { kept_until: new Date(values.keptUntil).toISOString() } : {}),
            },
          };
        },
        (values, { value }) =>
          t('Snapshot {snapshot} of {volume} scheduled', {
            snapshot: value.kind === 'snapshot' ? value.snapshot.name : values.name,
            volume: volume.name,
          }),
      )}
    >
      <SnapshotFields
        form={form}
        keepUntilHint={t(
          'Optional. Guaranteed retention, in your local time; empty keeps it until deleted.',
        )}
      />
      <fieldset className="metadata-rows">
        <legend className="field__label">{t('Metadata')}</legend>
        {metadata.fields.length === 0 ? <p className="muted">{t('No metadata.')}</p> : null}
        {metadata.fields.map((item, index) => (
          <div key={item.id} className="metadata-row">
            <TextField
              form={form}
              name={`metadata.${index}.key`}
              label={t('Key {number}', { number: index + 1 })}
              className="input mono"
            />
            <TextField
              form={form}
              name={`metadata.${index}.value`}
              label={t('Value {number}', { number: index + 1 })}
              className="input mono"
            />
            <Button
              size="sm"
              variant="ghost"
              className="metadata-row__remove"
              onClick={() => metadata.remove(index)}
            >
              <T
                m="Remove<hidden> metadata row {number}</hidden>"
                v={{ number: index + 1 }}
                tags={{ hidden: (c) => <span className="visually-hidden">{c}</span> }}
              />
            </Button>
          </div>
        ))}
        {errors.metadata?.message ? (
          <p className="field__error">{errors.metadata.message}</p>
        ) : null}
        <Button size="sm" onClick={() => metadata.append({ key: '', value: '' })}>
          {t('Add metadata')}
        </Button>
      </fieldset>
      <QuotaBars uses={uses} tenant={pricing.tenantName} loading={pricing.quotasLoading} />
    </ActionDialog>
  );
}
