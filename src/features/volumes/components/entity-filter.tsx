import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Combobox, type ComboboxOption } from '@/components/combobox';
import { errorMessage } from '@/lib/api-error';
import { useDebouncedValue } from '@/lib/use-debounced-value';
import { directoryQueries, instanceQueries } from '../api/queries';

type Kind = 'customers' | 'projects' | 'openstack-tenants' | 'openstack-instances';

const LABELS: Record<Kind, { label: string; placeholder: string }> = {
  customers: { label: 'Customer', placeholder: 'Any customer' },
  projects: { label: 'Project', placeholder: 'Any project' },
  'openstack-tenants': { label: 'Tenant', placeholder: 'Any tenant' },
  'openstack-instances': { label: 'Attached to instance', placeholder: 'Any instance' },
};

function useOptions(kind: Kind, query: string, scope: string | undefined) {
  const customers = useQuery({
    ...directoryQueries.customers(query),
    enabled: kind === 'customers',
  });
  const projects = useQuery({
    ...directoryQueries.projects(query, scope),
    enabled: kind === 'projects',
  });
  const tenants = useQuery({
    ...directoryQueries.tenants(query, scope),
    enabled: kind === 'openstack-tenants',
  });
  const instances = useQuery({
    ...instanceQueries.search(query),
    enabled: kind === 'openstack-instances',
  });
  const active = {
    customers,
    projects,
    'openstack-tenants': tenants,
    'openstack-instances': instances,
  }[kind];
  const options: ComboboxOption[] = (active.data?.items ?? []).map((item) => {
    const record = item as {
      uuid: string;
      name?: string | null;
      abbreviation?: string | null;
      customer_name?: string | null;
      project_name?: string | null;
    };
    return {
      value: record.uuid,
      label: record.name || record.uuid,
      description: record.abbreviation || record.customer_name || record.project_name || undefined,
    };
  });
  return {
    options,
    isLoading: active.isPending && active.fetchStatus !== 'idle',
    error: active.error ? errorMessage(active.error) : null,
  };
}

function useLabel(kind: Kind, uuid: string) {
  const directory = useQuery({
    ...directoryQueries.one(kind === 'openstack-instances' ? 'projects' : kind, uuid),
    enabled: Boolean(uuid) && kind !== 'openstack-instances',
  });
  const instance = useQuery({
    ...instanceQueries.one(uuid),
    enabled: Boolean(uuid) && kind === 'openstack-instances',
  });
  if (!uuid) return '';
  const name = kind === 'openstack-instances' ? instance.data?.name : directory.data?.name;
  return name ?? (directory.isError || instance.isError ? uuid : '…');
}

/** A customer / project / tenant / instance filter, searching the server as the user types. */
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
  const [query, setQuery] = useState('');
  const debounced = useDebouncedValue(query, 250);
  const { options, isLoading, error } = useOptions(kind, debounced, scope || undefined);
  const label = useLabel(kind, value);
  return (
    <Combobox
      label={LABELS[kind].label}
      placeholder={LABELS[kind].placeholder}
      value={value}
      valueLabel={label}
      onChange={onChange}
      onQueryChange={setQuery}
      options={options}
      isLoading={isLoading}
      error={error}
    />
  );
}

/** Label of a filter value for chips ("Project: Climate Models"). */
export function useEntityLabel(kind: Kind, uuid: string) {
  return useLabel(kind, uuid);
}
