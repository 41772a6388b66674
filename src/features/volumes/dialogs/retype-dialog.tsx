import { useQuery } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { QueryGate } from '@/components/query-gate';
import { Callout } from '@/components/status';
import { T, t, useT } from '@/lib/i18n';
import { volumeTypeQueries } from '../api/directory';
import { PriceChange } from '../components/price-estimate';
import { overQuotaReason, QuotaBars } from '../components/quota-bars';
import { usePricing } from '../hooks/use-pricing';
import { quotaUses, retypeDeltas } from '../model/quota-use';
import type { Volume } from '../model/schemas';
import { isOfferedType } from '../model/volume-types';
import { ActionDialog } from './action-dialog';
import { useActionDialog } from './use-action-dialog';

const schema = z.object({
  type: z.string().check(z.minLength(1, { error: () => t('Choose the new type') })),
});

/** The tenant's volume types without the current one, which is shown. */
export function RetypeDialog({ volume, onClose }: { volume: Volume; onClose: () => void }) {
  const t = useT();
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
    (type) => isOfferedType(type) && type.url !== volume.type && type.name !== volume.type_name,
  );
  const chosen = others.find((type) => type.url === watch('type'));
  const pricing = usePricing(volume.project_uuid, volume.tenant_uuid);
  const size = volume.size ?? 0;
  // The new type's quota gains the volume's size (the old one's frees it).
  const uses = chosen?.name ? quotaUses(pricing.quotas, retypeDeltas(size, chosen.name)) : [];

  return (
    <ActionDialog
      title={volume.name ? t('Retype {name}', { name: volume.name }) : t('Retype volume')}
      description={
        volume.type_name ? (
          <T
            m="Current type: <b>{type}</b>"
            v={{ type: volume.type_name }}
            tags={{ b: (c) => <strong>{c}</strong> }}
          />
        ) : (
          <T m="Current type: <b>none</b>" tags={{ b: (c) => <strong>{c}</strong> }} />
        )
      }
      {...frame}
      submitLabel={t('Retype')}
      blockedReason={overQuotaReason(uses)}
      onSubmit={submitAction(
        (values) => ({ action: 'retype', body: { type: values.type } }),
        () =>
          chosen?.name
            ? t('Retype of {name} to {type} scheduled', { name: volume.name, type: chosen.name })
            : t('Retype of {name} to the new type scheduled', { name: volume.name }),
      )}
    >
      <QueryGate
        query={types}
        loading={t('Loading the tenant’s volume types')}
        failure={t('Could not load the volume types')}
      >
        {() =>
          others.length === 0 ? (
            <Callout tone="info" title={t('No other type available')}>
              <p>
                {volume.type_name
                  ? t('This volume’s tenant offers no volume type other than {type}.', {
                      type: volume.type_name,
                    })
                  : t('This volume’s tenant offers no volume type other than the current one.')}
              </p>
            </Callout>
          ) : (
            <fieldset className="choice-list" aria-invalid={Boolean(errors.type)}>
              <legend className="field__label">{t('New type')}</legend>
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
      <QuotaBars uses={uses} tenant={pricing.tenantName} loading={pricing.quotasLoading} />
      <PriceChange
        pricing={pricing}
        before={{ sizeMib: size, typeName: volume.type_name }}
        after={chosen ? { sizeMib: size, typeName: chosen.name } : null}
      />
    </ActionDialog>
  );
}
