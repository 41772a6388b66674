import { useFieldArray } from 'react-hook-form';
import * as z from 'zod/mini';
import { Button } from '@/components/button';
import { TextField } from '@/components/form-fields';
import type { Volume } from '../model/schemas';
import { descriptionField, keptUntilField, nameField, snapshotName } from '../model/validation';
import { ActionDialog } from './action-dialog';
import { SnapshotFields } from './snapshot-fields';
import { useActionDialog } from './use-action-dialog';

const row = z.object({ key: z.string(), value: z.string() });

const schema = z
  .object({
    name: nameField('Enter a name for the snapshot'),
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
            message: 'Enter a key for this value',
            path: ['metadata', index, 'key'],
            input: item.key,
          });
        } else if (key && seen.has(key)) {
          ctx.issues.push({
            code: 'custom',
            message: 'This key is already used',
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

  return (
    <ActionDialog
      title={`Snapshot ${volume.name ?? 'volume'}`}
      description="A point-in-time copy of the volume, stored in the same tenant."
      {...frame}
      size="lg"
      submitLabel="Create snapshot"
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
          `Snapshot ${value.kind === 'snapshot' ? value.snapshot.name : values.name} of ${volume.name} scheduled`,
      )}
    >
      <SnapshotFields
        form={form}
        keepUntilHint="Optional. Guaranteed retention, in your local time; empty keeps it until deleted."
      />
      <fieldset className="metadata-rows">
        <legend className="field__label">Metadata</legend>
        {metadata.fields.length === 0 ? <p className="muted">No metadata.</p> : null}
        {metadata.fields.map((item, index) => (
          <div key={item.id} className="metadata-row">
            <TextField
              form={form}
              name={`metadata.${index}.key`}
              label={`Key ${index + 1}`}
              className="input mono"
            />
            <TextField
              form={form}
              name={`metadata.${index}.value`}
              label={`Value ${index + 1}`}
              className="input mono"
            />
            <Button
              size="sm"
              variant="ghost"
              className="metadata-row__remove"
              onClick={() => metadata.remove(index)}
            >
              Remove<span className="visually-hidden"> metadata row {index + 1}</span>
            </Button>
          </div>
        ))}
        {errors.metadata?.message ? (
          <p className="field__error">{errors.metadata.message}</p>
        ) : null}
        <Button size="sm" onClick={() => metadata.append({ key: '', value: '' })}>
          Add metadata
        </Button>
      </fieldset>
    </ActionDialog>
  );
}
