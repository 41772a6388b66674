// "New volume": a marketplace order for an `OpenStack.Volume` offering, as Waldur expects it
// (contract-lifecycle §2.3): the project, the offering (each tied to a tenant), and the volume's
// attributes (size in MiB, type / zone / image as URLs). The tenant's storage quota is shown before
// submitting; Waldur's own errors land on their fields, bare-list ones (quotas) above the form.
// The order is then followed in Operations.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import * as z from 'zod/mini';
import { Combobox } from '@/components/combobox';
import { NumberField, SelectField, TextField } from '@/components/form-fields';
import { Spinner } from '@/components/spinner';
import { Callout } from '@/components/status';
import { errorMessage } from '@/lib/api-error';
import { formatDate, formatInteger, isFutureDate } from '@/lib/format';
import { msg, t, useT } from '@/lib/i18n';
import { notify } from '@/lib/notifications';
import { useZoneRequired, ZONE_MANDATORY } from '@/lib/server-limits';
import { api } from '@/lib/session';
import { formatSize, gibToMib } from '@/lib/units';
import { useDebouncedValue } from '@/lib/use-debounced-value';
import { directoryQueries, volumeTypeQueries } from '../api/directory';
import { offeringQueries, placeOrderWrite, type VolumeOrder } from '../api/lifecycle';
import { PriceEstimate } from '../components/price-estimate';
import {
  formatQuotaAmount,
  overQuotaReason,
  QuotaBars,
  quotaLabel,
} from '../components/quota-bars';
import { usePricing } from '../hooks/use-pricing';
import { isOrderPending, orderWait, waitsForApproval } from '../model/lifecycle';
import { newVolumeDeltas, overQuota, quotaUses } from '../model/quota-use';
import { descriptionField, nameField } from '../model/validation';
import { isOfferedType } from '../model/volume-types';
import { recordOrder } from '../state/records';
import { ActionDialog } from './action-dialog';
import { DescriptionField } from './description-field';
import { useFormDialog } from './use-form-dialog';

const MAX_GIB = 102_400;

const schema = z.object({
  project: z.string().check(z.minLength(1, { error: () => t('Choose a project') })),
  offering: z.string().check(z.minLength(1, { error: () => t('Choose where the volume goes') })),
  name: nameField(msg('Enter a name for the volume')),
  size: z.number({ error: () => t('Enter a size in GiB') }).check(
    z.int({ error: () => t('Whole GiB only') }),
    z.gte(1, { error: () => t('At least 1 GiB') }),
    z.lte(MAX_GIB, {
      error: () => t('At most {size} GiB', { size: formatInteger(MAX_GIB) }),
    }),
  ),
  type: z.string(),
  zone: z.string(),
  image: z.string(),
  description: descriptionField,
});
type Values = z.infer<typeof schema>;

function ProjectPicker({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (uuid: string) => void;
  error?: string;
}) {
  const t = useT();
  const [query, setQuery] = useState('');
  const debounced = useDebouncedValue(query, 250);
  const options = useQuery(directoryQueries.projects(debounced));
  const label = useQuery({ ...directoryQueries.one('projects', value), enabled: Boolean(value) });
  return (
    <Combobox
      label={t('Project (required)')}
      placeholder={t('Choose a project')}
      value={value}
      valueLabel={value ? (label.data?.name ?? '…') : ''}
      onChange={onChange}
      onQueryChange={setQuery}
      options={(options.data?.items ?? []).map((p) => ({
        value: p.uuid,
        label: p.name || p.uuid,
        description: p.customer_name ?? undefined,
      }))}
      isLoading={options.isPending}
      error={error ?? (options.error ? errorMessage(options.error) : null)}
    />
  );
}

/**
 * A project with no volume offering it can see: say why, as far as the console can tell. Waldur
 * hides an offering from users when none of its plans is active (archived plans, or plans for
 * other organisation groups: contract-lifecycle §8), so a tenant without a visible offering is
 * most often that.
 */
function NoOffering({ projectUuid }: { projectUuid: string }) {
  const t = useT();
  const tenants = useQuery(directoryQueries.tenants('', projectUuid));
  const names = (tenants.data?.items ?? []).map((tenant) => tenant.name).filter(Boolean);
  return (
    <Callout tone="warning" title={t('This project cannot order volumes')}>
      {tenants.isPending ? (
        <p>{t('No volume offering is available to it.')}</p>
      ) : names.length > 0 ? (
        <p>
          {t(
            '{count, plural, one {Its tenant {tenants} exists, but no volume offering for it is visible to you. Waldur hides an offering that has no active plan (its plans archived, or meant for other organisations). Ask the service provider to add or restore a plan for it.} other {Its tenants {tenants} exist, but no volume offering for them is visible to you. Waldur hides an offering that has no active plan (its plans archived, or meant for other organisations). Ask the service provider to add or restore a plan for them.}}',
            { count: names.length, tenants: names.join(', ') },
          )}
        </p>
      ) : (
        <p>
          {t(
            'It has no OpenStack tenant, so there is nowhere to create a volume. Ask for a tenant first.',
          )}
        </p>
      )}
    </Callout>
  );
}

export function CreateVolumeDialog({
  dialog,
  onClose,
}: {
  dialog: { projectUuid?: string };
  onClose: () => void;
}) {
  const t = useT();
  const queryClient = useQueryClient();
  const zoneRequired = useZoneRequired();
  const { form, submitWrite, frame } = useFormDialog<Values>({
    draft: 'create:volume',
    schema,
    defaults: {
      project: '',
      offering: '',
      name: '',
      size: 10,
      type: '',
      zone: '',
      image: '',
      description: '',
    },
    // Opened from a list filtered by project: that project, whatever an earlier draft said.
    overrides: dialog.projectUuid ? { project: dialog.projectUuid, offering: '' } : {},
    fieldMap: {
      project: 'project',
      offering: 'offering',
      name: 'name',
      size: 'size',
      type: 'type',
      availability_zone: 'zone',
      image: 'image',
      description: 'description',
    },
    // REQUIRE_AVAILABILITY_ZONE refuses without a field name: the message belongs on the zone.
    placeGeneral: (error, form) => {
      if (!error.generalMessages.includes(ZONE_MANDATORY)) return [];
      form.setError('zone', { type: 'server', message: ZONE_MANDATORY }, { shouldFocus: true });
      return [ZONE_MANDATORY];
    },
  });
  const {
    watch,
    setValue,
    setError,
    formState: { errors },
  } = form;
  const [project, offeringUuid, gib, imageUrl, typeUrl] = watch([
    'project',
    'offering',
    'size',
    'image',
    'type',
  ]);
  const projectInfo = useQuery({
    ...directoryQueries.one('projects', project),
    enabled: Boolean(project),
  });
  const start = projectInfo.data?.start_date;
  const projectStart = typeof start === 'string' ? start : null;
  const offerings = useQuery({
    ...offeringQueries.forProject(project),
    enabled: Boolean(project),
  });
  const offering = offerings.data?.items.find((o) => o.uuid === offeringUuid);
  const tenant = offering?.scope_uuid ?? '';
  const types = useQuery({ ...volumeTypeQueries.byTenant(tenant), enabled: Boolean(tenant) });
  const zones = useQuery({ ...offeringQueries.zones(tenant), enabled: Boolean(tenant) });
  const images = useQuery({ ...offeringQueries.images(tenant), enabled: Boolean(tenant) });
  const image = images.data?.items.find((i) => i.url === imageUrl);
  const sizeMib = Number.isInteger(gib) && gib >= 1 ? gibToMib(gib) : null;
  const typeName = types.data?.items.find((type) => type.url === typeUrl)?.name ?? null;
  const pricing = usePricing(offering ? project : null, tenant || null);
  const uses =
    sizeMib !== null && offering
      ? quotaUses(pricing.quotas, newVolumeDeltas(sizeMib, typeName))
      : [];
  // The size is what passes a storage quota: said on the field too.
  const sizeOver = overQuota(uses).find((use) => use.unit !== 'count');

  // One offering: nothing to choose.
  const only = offerings.data?.items.length === 1 ? offerings.data.items[0]?.uuid : undefined;
  useEffect(() => {
    if (only) setValue('offering', only);
  }, [only, setValue]);

  return (
    <ActionDialog
      title={t('New volume')}
      description={t(
        'Waldur creates it through a marketplace order; Operations follows it until it is OK.',
      )}
      {...frame}
      onClose={onClose}
      size="lg"
      submitLabel={t('Create volume')}
      blockedReason={overQuotaReason(uses)}
      onSubmit={submitWrite(
        (values) => {
          if (!offering?.url) throw new Error(t('Choose where the volume goes.'));
          if (zoneRequired && !values.zone) {
            setError('zone', { message: t('Choose a zone: this Waldur requires one') });
            return null;
          }
          const mib = gibToMib(values.size);
          if (image?.min_disk && mib < image.min_disk) {
            setError('size', {
              message: t('{image} needs at least {size}', {
                image: image.name,
                size: formatSize(image.min_disk),
              }),
            });
            return null;
          }
          const body: VolumeOrder = {
            offering: offering.url,
            project: api().url(`api/projects/${values.project}`),
            attributes: {
              name: values.name,
              size: mib,
              ...(values.description ? { description: values.description } : {}),
              ...(values.type ? { type: values.type } : {}),
              ...(values.zone ? { availability_zone: values.zone } : {}),
              ...(values.image ? { image: values.image } : {}),
            },
            limits: {},
            accepting_terms_of_service: true,
          };
          return placeOrderWrite(queryClient, body, {
            project: values.project,
            offering: offering.uuid,
          });
        },
        ({ value: order, answerLost }, values) => {
          recordOrder(order, values.name, answerLost);
          notify(
            isOrderPending(order.state)
              ? {
                  kind: 'info',
                  title: waitsForApproval(order.state)
                    ? t('Order for {name} waits for approval', { name: values.name })
                    : t('Order for {name} waits for its start date', { name: values.name }),
                  message: t('It waits for {wait}. Operations shows when it goes ahead.', {
                    wait: orderWait(order, projectStart),
                  }),
                }
              : {
                  kind: 'success',
                  title: t('Order for {name} submitted', { name: values.name }),
                  message: t('Operations follows it until the volume is OK.'),
                },
          );
          onClose();
        },
      )}
    >
      <ProjectPicker
        value={project}
        onChange={(uuid) => {
          setValue('project', uuid, { shouldValidate: Boolean(errors.project) });
          setValue('offering', '');
        }}
        error={errors.project?.message}
      />
      {projectStart && isFutureDate(projectStart) ? (
        <Callout
          tone="info"
          title={t('This project starts on {date}', { date: formatDate(projectStart) })}
        >
          <p>{t('Waldur holds its orders until then: the volume is created on that day.')}</p>
        </Callout>
      ) : null}
      {project ? (
        offerings.isPending ? (
          <p className="muted">
            <Spinner label={t('Loading offerings')} />{' '}
            {t('Finding where this project can order volumes…')}
          </p>
        ) : offerings.isError ? (
          <Callout tone="danger" title={t('Could not load the offerings')}>
            <p>{errorMessage(offerings.error)}</p>
          </Callout>
        ) : offerings.data.items.length === 0 ? (
          <NoOffering projectUuid={project} />
        ) : (
          <SelectField
            form={form}
            name="offering"
            label={t('Where')}
            required
            hint={t('The offering, and the tenant it creates the volume in.')}
            emptyLabel={t('Choose an offering')}
            options={offerings.data.items.map((o) => ({
              value: o.uuid,
              label: o.billable ? t('{offering} (needs approval)', { offering: o.name }) : o.name,
            }))}
          />
        )
      ) : null}
      <TextField form={form} name="name" label={t('Name')} required />
      <NumberField
        form={form}
        name="size"
        label={t('Size (GiB)')}
        required
        min={1}
        problem={
          sizeOver
            ? t('{over} over the {quota} quota', {
                over: formatQuotaAmount(sizeOver.over, sizeOver.unit),
                quota: quotaLabel(sizeOver.name),
              })
            : null
        }
        hint={
          sizeMib !== null
            ? t('Waldur will get {size} MiB.', { size: formatInteger(sizeMib) })
            : undefined
        }
      />
      <SelectField
        form={form}
        name="type"
        label={t('Volume type')}
        disabled={!tenant}
        emptyLabel={t('The tenant’s default type')}
        options={(types.data?.items ?? []).filter(isOfferedType).map((type) => ({
          value: type.url,
          label: `${type.name}${type.description ? ` — ${type.description}` : ''}`,
        }))}
      />
      {(zones.data && zones.data.items.length > 0) || (tenant && zoneRequired) ? (
        <SelectField
          form={form}
          name="zone"
          label={t('Availability zone')}
          required={zoneRequired}
          hint={
            zoneRequired
              ? zones.data?.items.length === 0
                ? t(
                    'This Waldur requires a zone on every order, but this tenant lists none: ask its provider.',
                  )
                : t('This Waldur requires a zone on every order.')
              : undefined
          }
          emptyLabel={zoneRequired ? t('Choose a zone') : t('The tenant’s default zone')}
          options={(zones.data?.items ?? []).map((z) => ({
            value: z.url ?? '',
            label: z.available === false ? t('{zone} (not available)', { zone: z.name }) : z.name,
            disabled: z.available === false,
          }))}
        />
      ) : null}
      <SelectField
        form={form}
        name="image"
        label={t('Image')}
        disabled={!tenant}
        hint={
          image
            ? image.min_disk
              ? t(
                  'The volume starts as a copy of {image} and is bootable; it needs at least {size}.',
                  { image: image.name, size: formatSize(image.min_disk) },
                )
              : t('The volume starts as a copy of {image} and is bootable.', { image: image.name })
            : t('Without an image the volume is empty (a data volume).')
        }
        emptyLabel={t('No image (an empty data volume)')}
        options={(images.data?.items ?? []).map((i) => ({ value: i.url, label: i.name ?? i.uuid }))}
      />
      <DescriptionField form={form} />
      {offering ? (
        <>
          <QuotaBars uses={uses} tenant={pricing.tenantName} loading={pricing.quotasLoading} />
          <PriceEstimate
            pricing={pricing}
            volume={sizeMib !== null ? { sizeMib, typeName } : null}
          />
        </>
      ) : null}
    </ActionDialog>
  );
}
