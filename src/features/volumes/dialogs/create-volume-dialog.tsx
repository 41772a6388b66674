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
import { notify } from '@/lib/notifications';
import { useZoneRequired, ZONE_MANDATORY } from '@/lib/server-limits';
import { api } from '@/lib/session';
import { formatSize, gibToMib } from '@/lib/units';
import { useDebouncedValue } from '@/lib/use-debounced-value';
import { directoryQueries, volumeTypeQueries } from '../api/directory';
import { offeringQueries, placeOrderWrite, type VolumeOrder } from '../api/lifecycle';
import {
  isOrderPending,
  type Offering,
  orderWait,
  quotaLeft,
  waitsForApproval,
} from '../model/lifecycle';
import { descriptionField, nameField } from '../model/validation';
import { recordOrder } from '../state/records';
import { ActionDialog } from './action-dialog';
import { DescriptionField } from './description-field';
import { useFormDialog } from './use-form-dialog';

const MAX_GIB = 102_400;

/** Room in whole GiB (rounded down: what fits), as the form asks for GiB. */
const formatGib = (mib: number) => `${formatInteger(Math.floor(mib / 1024))} GiB`;

const schema = z.object({
  project: z.string().check(z.minLength(1, { error: 'Choose a project' })),
  offering: z.string().check(z.minLength(1, { error: 'Choose where the volume goes' })),
  name: nameField('Enter a name for the volume'),
  size: z
    .number({ error: 'Enter a size in GiB' })
    .check(
      z.int({ error: 'Whole GiB only' }),
      z.gte(1, { error: 'At least 1 GiB' }),
      z.lte(MAX_GIB, { error: `At most ${formatInteger(MAX_GIB)} GiB` }),
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
  const [query, setQuery] = useState('');
  const debounced = useDebouncedValue(query, 250);
  const options = useQuery(directoryQueries.projects(debounced));
  const label = useQuery({ ...directoryQueries.one('projects', value), enabled: Boolean(value) });
  return (
    <Combobox
      label="Project (required)"
      placeholder="Choose a project"
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
  const tenants = useQuery(directoryQueries.tenants('', projectUuid));
  const names = (tenants.data?.items ?? []).map((t) => t.name).filter(Boolean);
  return (
    <Callout tone="warning" title="This project cannot order volumes">
      {tenants.isPending ? (
        <p>No volume offering is available to it.</p>
      ) : names.length > 0 ? (
        <p>
          Its tenant {names.join(', ')} exists, but no volume offering for it is visible to you.
          Waldur hides an offering that has no active plan (its plans archived, or meant for other
          organisations). Ask the service provider to add or restore a plan for it.
        </p>
      ) : (
        <p>
          It has no OpenStack tenant, so there is nowhere to create a volume. Ask for a tenant
          first.
        </p>
      )}
    </Callout>
  );
}

/** What is left of the tenant's quotas, without promising room on a -1 (E6). */
function QuotaNote({ offering, sizeMib }: { offering: Offering; sizeMib: number | null }) {
  const tenant = offering.name?.replace(/^Volume in /, '') ?? 'the tenant';
  const storage = quotaLeft(offering.quotas, 'storage');
  const volumes = quotaLeft(offering.quotas, 'volumes');
  const over = storage !== null && sizeMib !== null && sizeMib > storage;
  return (
    <div className="quota-note" aria-live="polite">
      {storage !== null ? (
        <p className={over ? 'field__error' : 'muted'}>
          Storage left in {tenant}: {formatGib(Math.max(storage, 0))}
          {over ? ' — less than this volume needs; Waldur will refuse it.' : '.'}
        </p>
      ) : (
        <p className="muted">
          Waldur shows no storage limit for {tenant} (it shows a limit of 0 the same way), so the
          room left is known only when Waldur checks the order.
        </p>
      )}
      {volumes !== null && volumes <= 0 ? (
        <p className="field__error">{tenant} has no volumes left in its quota.</p>
      ) : null}
    </div>
  );
}

export function CreateVolumeDialog({
  dialog,
  onClose,
}: {
  dialog: { projectUuid?: string };
  onClose: () => void;
}) {
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
  const [project, offeringUuid, gib, imageUrl] = watch(['project', 'offering', 'size', 'image']);
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

  // One offering: nothing to choose.
  const only = offerings.data?.items.length === 1 ? offerings.data.items[0]?.uuid : undefined;
  useEffect(() => {
    if (only) setValue('offering', only);
  }, [only, setValue]);

  return (
    <ActionDialog
      title="New volume"
      description="Waldur creates it through a marketplace order; Operations follows it until it is OK."
      {...frame}
      onClose={onClose}
      size="lg"
      submitLabel="Create volume"
      onSubmit={submitWrite(
        (values) => {
          if (!offering?.url) throw new Error('Choose where the volume goes.');
          if (zoneRequired && !values.zone) {
            setError('zone', { message: 'Choose a zone: this Waldur requires one' });
            return null;
          }
          const mib = gibToMib(values.size);
          if (image?.min_disk && mib < image.min_disk) {
            setError('size', {
              message: `${image.name} needs at least ${formatSize(image.min_disk)}`,
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
                    ? `Order for ${values.name} waits for approval`
                    : `Order for ${values.name} waits for its start date`,
                  message: `It waits for ${orderWait(order, projectStart)}. Operations shows when it goes ahead.`,
                }
              : {
                  kind: 'success',
                  title: `Order for ${values.name} submitted`,
                  message: 'Operations follows it until the volume is OK.',
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
        <Callout tone="info" title={`This project starts on ${formatDate(projectStart)}`}>
          <p>Waldur holds its orders until then: the volume is created on that day.</p>
        </Callout>
      ) : null}
      {project ? (
        offerings.isPending ? (
          <p className="muted">
            <Spinner label="Loading offerings" /> Finding where this project can order volumes…
          </p>
        ) : offerings.isError ? (
          <Callout tone="danger" title="Could not load the offerings">
            <p>{errorMessage(offerings.error)}</p>
          </Callout>
        ) : offerings.data.items.length === 0 ? (
          <NoOffering projectUuid={project} />
        ) : (
          <SelectField
            form={form}
            name="offering"
            label="Where"
            required
            hint="The offering, and the tenant it creates the volume in."
            emptyLabel="Choose an offering"
            options={offerings.data.items.map((o) => ({
              value: o.uuid,
              label: `${o.name}${o.billable ? ' (needs approval)' : ''}`,
            }))}
          />
        )
      ) : null}
      {offering ? <QuotaNote offering={offering} sizeMib={sizeMib} /> : null}
      <TextField form={form} name="name" label="Name" required />
      <NumberField
        form={form}
        name="size"
        label="Size (GiB)"
        required
        min={1}
        hint={sizeMib !== null ? `Waldur will get ${formatInteger(sizeMib)} MiB.` : undefined}
      />
      <SelectField
        form={form}
        name="type"
        label="Volume type"
        disabled={!tenant}
        emptyLabel="The tenant’s default type"
        options={(types.data?.items ?? []).map((t) => ({
          value: t.url,
          label: `${t.name}${t.description ? ` — ${t.description}` : ''}`,
        }))}
      />
      {(zones.data && zones.data.items.length > 0) || (tenant && zoneRequired) ? (
        <SelectField
          form={form}
          name="zone"
          label="Availability zone"
          required={zoneRequired}
          hint={
            zoneRequired
              ? zones.data?.items.length === 0
                ? 'This Waldur requires a zone on every order, but this tenant lists none: ask its provider.'
                : 'This Waldur requires a zone on every order.'
              : undefined
          }
          emptyLabel={zoneRequired ? 'Choose a zone' : 'The tenant’s default zone'}
          options={(zones.data?.items ?? []).map((z) => ({
            value: z.url ?? '',
            label: `${z.name}${z.available === false ? ' (not available)' : ''}`,
            disabled: z.available === false,
          }))}
        />
      ) : null}
      <SelectField
        form={form}
        name="image"
        label="Image"
        disabled={!tenant}
        hint={
          image
            ? `The volume starts as a copy of ${image.name} and is bootable${image.min_disk ? `; it needs at least ${formatSize(image.min_disk)}` : ''}.`
            : 'Without an image the volume is empty (a data volume).'
        }
        emptyLabel="No image (an empty data volume)"
        options={(images.data?.items ?? []).map((i) => ({ value: i.url, label: i.name ?? i.uuid }))}
      />
      <DescriptionField form={form} />
    </ActionDialog>
  );
}
