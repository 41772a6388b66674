import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Combobox, type ComboboxOption } from '@/components/combobox';
import { errorMessage } from '@/lib/api-error';
import { msg, useT } from '@/lib/i18n';
import { useDebouncedValue } from '@/lib/use-debounced-value';
import { directoryQueries } from '../api/directory';
import { instanceQueries } from '../api/instances';

type Kind = 'customers' | 'projects' | 'openstack-tenants' | 'openstack-instances';

const LABELS: Record<Kind, { label: string; placeholder: string }> = {
  customers: { label: msg('Customer'), placeholder: msg('Any customer') },
  projects: { label: msg('Project'), placeholder: msg('Any project') },
  'openstack-tenants': { label: msg('Tenant'), placeholder: msg('Any tenant') },
  'openstack-instances': { label: msg('Attached to instance'), placeholder: msg('Any instance') },
};

interface Named {
  uuid: string;
  name?: string | null;
  abbreviation?: string | null;
  customer_name?: string | null;
  project_name?: string | null;
}

function optionsQuery(kind: Kind, query: string, scope: string | undefined) {
  switch (kind) {
    case 'customers':
      return directoryQueries.customers(query);
    case 'projects':
      return directoryQueries.projects(query, scope);
    case 'openstack-tenants':
      return directoryQueries.tenants(query, scope);
    case 'openstack-instances':
      return instanceQueries.search(query);
  }
}

/** Both kinds of answer have a `name`; the type is the directory's. */
function labelQuery(kind: Kind, uuid: string) {
  return (
    kind === 'openstack-instances' ? instanceQueries.one(uuid) : directoryQueries.one(kind, uuid)
  ) as ReturnType<typeof directoryQueries.one>;
}

/** The name of a filter value from the URL (one request, cached for good). */
export function useEntityLabel(kind: Kind, uuid: string) {
  const { data, isError } = useQuery({ ...labelQuery(kind, uuid), enabled: Boolean(uuid) });
  if (!uuid) return '';
  return data?.name ?? (isError ? uuid : '…');
}

/**
 * A customer / project / tenant / instance filter, searching the server as the user types. Options
 * are fetched only while the list is open, so the list page does not wait on them at load.
 */
export function EntityFilter({
  kind,
  value,
  onChange,
  scope,
}: {
  kind: Kind;
  value: string;
  onChange: (uuid: string) => void;
  /** Narrows projects to a customer, tenants to a project. */
  scope?: string;
}) {
  const t = useT();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const debounced = useDebouncedValue(query, 250);
  const options = useQuery({
    ...(optionsQuery(kind, debounced, scope || undefined) as ReturnType<
      typeof directoryQueries.customers
    >),
    enabled: open,
  });
  const label = useEntityLabel(kind, value);
  const items: ComboboxOption[] = ((options.data?.items ?? []) as Named[]).map((item) => ({
    value: item.uuid,
    label: item.name || item.uuid,
    description: item.abbreviation || item.customer_name || item.project_name || undefined,
  }));
  return (
    <Combobox
      label={t(LABELS[kind].label)}
      placeholder={t(LABELS[kind].placeholder)}
      value={value}
      valueLabel={label}
      onChange={onChange}
      onQueryChange={setQuery}
      onOpenChange={setOpen}
      options={items}
      isLoading={options.isPending && options.fetchStatus !== 'idle'}
      error={options.error ? errorMessage(options.error) : null}
    />
  );
}
