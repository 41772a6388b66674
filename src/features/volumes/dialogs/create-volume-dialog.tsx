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
import { formatInteger } from '@/lib/format';
import { notify } from '@/lib/notifications';
import { api } from '@/lib/session';
import { formatSize, gibToMib } from '@/lib/units';
import { useDebouncedValue } from '@/lib/use-debounced-value';
import { directoryQueries, volumeTypeQueries } from '../api/directory';
import { offeringQueries, placeOrder, type VolumeOrder } from '../api/lifecycle';
import { awaitedApprover, isOrderPending, type Offering, quotaLeft } from '../model/lifecycle';
import { descriptionField, nameField } from '../model/validation';
import { recordOrder } from '../state/records';
import { ActionDialog } from './action-dialog';
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
  const { form, submit, frame } = useFormDialog<Values>({
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
  });
  const {
    watch,
    setValue,
    setError,
    formState: { errors },
  } = form;
  const [project, offeringUuid, gib, imageUrl] = watch(['project', 'offering', 'size', 'image']);
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
      onSubmit={submit(async (values) => {
        if (!offering?.url) throw new Error('Choose where the volume goes.');
        const mib = gibToMib(values.size);
        if (image?.min_disk && mib < image.min_disk) {
          setError('size', {
            message: `${image.name} needs at least ${formatSize(image.min_disk)}`,
          });
          return;
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
        const order = await placeOrder(queryClient, body);
        recordOrder(order, values.name);
        notify(
          isOrderPending(order.state)
            ? {
                kind: 'info',
                title: `Order for ${values.name} waits for approval`,
                message: `Waldur needs approval by ${awaitedApprover(order)}. Operations shows when it is approved.`,
              }
            : {
                kind: 'success',
                title: `Order for ${values.name} submitted`,
                message: 'Operations follows it until the volume is OK.',
              },
        );
        onClose();
      })}
    >
      <ProjectPicker
        value={project}
        onChange={(uuid) => {
          setValue('project', uuid, { shouldValidate: Boolean(errors.project) });
          setValue('offering', '');
        }}
        error={errors.project?.message}
      />
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
          <Callout tone="warning" title="This project cannot order volumes">
            <p>No volume offering is available to it. Its tenant may not be set up for volumes.</p>
          </Callout>
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
      {zones.data && zones.data.items.length > 0 ? (
        <SelectField
          form={form}
          name="zone"
          label="Availability zone"
          emptyLabel="The tenant’s default zone"
          options={zones.data.items.map((z) => ({
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
      <TextField form={form} name="description" label="Description" rows={2} />
    </ActionDialog>
  );
}
