import { useQuery } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { QueryGate } from '@/components/query-gate';
import { Callout } from '@/components/status';
import { volumeTypeQueries } from '../api/directory';
import type { Volume } from '../model/schemas';
import { ActionDialog } from './action-dialog';
import { useActionDialog } from './use-action-dialog';

const schema = z.object({
  type: z.string().check(z.minLength(1, { error: 'Choose the new type' })),
});

/** The tenant's volume types without the current one, which is shown. */
export function RetypeDialog({ volume, onClose }: { volume: Volume; onClose: () => void }) {
  const { form, submitAction, frame } = useActionDialog({
    volume,
    action: 'retype',
    schema,
    defaults: { type: '' },
    fieldMap: { type: 'type' },
    onClose,
  });
  const types = useQuery({
    ...volumeTypeQueries.byTenant(volume.tenant_uuid ?? ''),
    enabled: Boolean(volume.tenant_uuid),
  });
  const {
    register,
    watch,
    formState: { errors },
  } = form;
  const others = (types.data?.items ?? []).filter(
    (t) => t.url !== volume.type && t.name !== volume.type_name,
  );
  const chosen = others.find((t) => t.url === watch('type'));

  return (
    <ActionDialog
      title={`Retype ${volume.name ?? 'volume'}`}
      description={
        <>
          Current type: <strong>{volume.type_name ?? 'none'}</strong>
        </>
      }
      {...frame}
      submitLabel="Retype"
      onSubmit={submitAction(
        (values) => ({ action: 'retype', body: { type: values.type } }),
        () => `Retype of ${volume.name} to ${chosen?.name ?? 'the new type'} scheduled`,
      )}
    >
      <QueryGate
        query={types}
        loading="Loading the tenant’s volume types"
        failure="Could not load the volume types"
      >
        {() =>
          others.length === 0 ? (
            <Callout tone="info" title="No other type available">
              <p>
                This volume’s tenant offers no volume type other than{' '}
                {volume.type_name ?? 'the current one'}.
              </p>
            </Callout>
          ) : (
            <fieldset className="choice-list" aria-invalid={Boolean(errors.type)}>
              <legend className="field__label">New type</legend>
              {others.map((type) => (
                <label key={type.uuid} className="choice">
                  <input type="radio" value={type.url} {...register('type')} />
                  <span className="choice__body">
                    <span className="choice__title">{type.name}</span>
                    {type.description ? (
                      <span className="choice__meta">{type.description}</span>
                    ) : null}
                  </span>
                </label>
              ))}
            </fieldset>
          )
        }
      </QueryGate>
      {errors.type ? <p className="field__error">{errors.type.message}</p> : null}
    </ActionDialog>
  );
}
