import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import * as z from 'zod/mini';
import { QueryGate } from '@/components/query-gate';
import { Callout } from '@/components/status';
import { t, useT } from '@/lib/i18n';
import { instanceQueries } from '../api/instances';
import type { Instance, Volume } from '../model/schemas';
import { stateLabel } from '../model/states';
import { ActionDialog } from './action-dialog';
import { useActionDialog } from './use-action-dialog';

const schema = z.object({
  instance: z.string().check(z.minLength(1, { error: () => t('Choose an instance') })),
});

/** Waldur attaches only to instances that are OK and ACTIVE or SHUTOFF. */
function whyNot(instance: Instance): string | null {
  if (instance.state !== 'OK')
    return t('It is {state}; it must be OK.', { state: stateLabel(instance.state) });
  if (instance.runtime_state !== 'ACTIVE' && instance.runtime_state !== 'SHUTOFF') {
    return instance.runtime_state
      ? t('It is {runtime}; it must be running (ACTIVE) or stopped (SHUTOFF).', {
          runtime: instance.runtime_state,
        })
      : t('It is in an unknown state; it must be running (ACTIVE) or stopped (SHUTOFF).');
  }
  return null;
}

/** A searchable picker of the instances this volume can be attached to. */
export function AttachDialog({ volume, onClose }: { volume: Volume; onClose: () => void }) {
  const t = useT();
  const listId = useId();
  const { form, submitAction, frame } = useActionDialog({
    volume,
    action: 'attach',
    schema,
    defaults: { instance: '' },
    fieldMap: { instance: 'instance' },
    onClose,
  });
  const instances = useQuery(instanceQueries.attachable(volume.uuid));
  const [search, setSearch] = useState('');
  const {
    register,
    watch,
    formState: { errors },
  } = form;
  const chosen = watch('instance');
  const all = instances.data?.items ?? [];
  const needle = search.trim().toLowerCase();
  const shown = all.filter(
    (i) =>
      !needle ||
      (i.name ?? '').toLowerCase().includes(needle) ||
      (i.internal_ips ?? []).some((ip) => ip.includes(needle)) ||
      (i.external_ips ?? []).some((ip) => ip.includes(needle)),
  );
  const usable = all.filter((i) => !whyNot(i));
  const chosenInstance = all.find((i) => i.url === chosen);

  return (
    <ActionDialog
      title={volume.name ? t('Attach {name}', { name: volume.name }) : t('Attach volume')}
      description={t(
        'Instances of the same project and tenant (and matching availability zone) can take this volume.',
      )}
      {...frame}
      size="lg"
      submitLabel={t('Attach')}
      onSubmit={submitAction(
        (values) => ({ action: 'attach', body: { instance: values.instance } }),
        () =>
          chosenInstance?.name
            ? t('Attach of {volume} to {instance} scheduled', {
                volume: volume.name,
                instance: chosenInstance.name,
              })
            : t('Attach of {volume} to the instance scheduled', { volume: volume.name }),
      )}
    >
      <QueryGate
        query={instances}
        loading={t('Loading the instances of this project')}
        failure={t('Could not load the instances')}
      >
        {() =>
          all.length === 0 ? (
            <Callout tone="info" title={t('No instance can take this volume')}>
              <p>
                {volume.availability_zone_name
                  ? t(
                      'There are no instances in project {project} on this volume’s tenant in a zone compatible with {zone}. Create one in Waldur first.',
                      { project: volume.project_name, zone: volume.availability_zone_name },
                    )
                  : t(
                      'There are no instances in project {project} on this volume’s tenant. Create one in Waldur first.',
                      { project: volume.project_name },
                    )}
              </p>
            </Callout>
          ) : (
            <>
              <div className="field">
                <label className="field__label" htmlFor={`${listId}-search`}>
                  {t('Find an instance')}
                </label>
                <input
                  id={`${listId}-search`}
                  type="search"
                  className="input"
                  placeholder={t('Name or IP address')}
                  value={search}
                  onChange={(event) => setSearch(event.target.value)}
                  aria-controls={listId}
                  autoComplete="off"
                />
              </div>
              {usable.length === 0 ? (
                <Callout tone="warning" title={t('None of these instances can take it right now')}>
                  <p>
                    {t(
                      'Each is listed with the reason. Start or repair one of them in Waldur, then come back.',
                    )}
                  </p>
                </Callout>
              ) : null}
              <fieldset className="choice-list" id={listId} aria-invalid={Boolean(errors.instance)}>
                <legend className="field__label">{t('Instance')}</legend>
                {shown.length === 0 ? (
                  <p className="muted">{t('No instance matches “{search}”.', { search })}</p>
                ) : null}
                {shown.map((instance) => {
                  const reason = whyNot(instance);
                  const reasonId = `${listId}-${instance.uuid}-reason`;
                  return (
                    <label
                      key={instance.uuid}
                      className={`choice ${reason ? 'choice--disabled' : ''}`}
                    >
                      <input
                        type="radio"
                        value={instance.url ?? ''}
                        disabled={Boolean(reason)}
                        aria-describedby={reason ? reasonId : undefined}
                        {...register('instance')}
                      />
                      <span className="choice__body">
                        <span className="choice__title">{instance.name}</span>
                        <span className="choice__meta">
                          <span
                            className={`badge badge--${instance.state === 'OK' ? 'success' : instance.state === 'ERRED' ? 'danger' : 'progress'}`}
                          >
                            {stateLabel(instance.state)}
                          </span>{' '}
                          {instance.runtime_state}
                          {instance.internal_ips?.length
                            ? ` · ${instance.internal_ips.join(', ')}`
                            : ''}
                          {instance.availability_zone_name
                            ? ` · ${instance.availability_zone_name}`
                            : ''}
                        </span>
                        {reason ? (
                          <span className="choice__reason" id={reasonId}>
                            {reason}
                          </span>
                        ) : null}
                      </span>
                    </label>
                  );
                })}
              </fieldset>
              {instances.data && instances.data.total > all.length ? (
                <p className="muted">
                  {t(
                    'Showing the first {shown} of {total, plural, one {# instance} other {# instances}}.',
                    { shown: all.length, total: instances.data.total },
                  )}
                </p>
              ) : null}
              {errors.instance ? <p className="field__error">{errors.instance.message}</p> : null}
            </>
          )
        }
      </QueryGate>
    </ActionDialog>
  );
}
