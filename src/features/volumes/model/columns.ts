// The volume table's columns: what each shows, which API fields it needs (the list asks for exactly
// those, `field=`), and the `o` key it sorts by. Rendering lives in components/volume-table.tsx.
// Headers are marked with msg() and translated where shown: `t(column.label)`.
import { msg } from '@/lib/i18n';

export const COLUMNS = [
  { id: 'name', label: msg('Name'), fields: ['name'], sort: 'name', required: true },
  { id: 'state', label: msg('State'), fields: ['state', 'action'], sort: 'state' },
  { id: 'runtime_state', label: msg('Runtime state'), fields: ['runtime_state'] },
  { id: 'size', label: msg('Size'), fields: ['size'], sort: 'size' },
  { id: 'type', label: msg('Type'), fields: ['type_name'] },
  {
    id: 'instance',
    label: msg('Attached to'),
    fields: ['instance', 'instance_name', 'device'],
    sort: 'instance_name',
  },
  { id: 'bootable', label: msg('Bootable'), fields: ['bootable'] },
  {
    id: 'project',
    label: msg('Project'),
    fields: ['project_name', 'project_uuid'],
    sort: 'project_name',
  },
  {
    id: 'customer',
    label: msg('Customer'),
    fields: ['customer_name', 'customer_abbreviation'],
    sort: 'customer_name',
  },
  { id: 'zone', label: msg('Availability zone'), fields: ['availability_zone_name'] },
  { id: 'created', label: msg('Created'), fields: ['created'], sort: 'created' },
  { id: 'modified', label: msg('Modified'), fields: ['modified'] },
  { id: 'backend_id', label: msg('Backend ID'), fields: ['backend_id'] },
] as const satisfies readonly {
  id: string;
  label: string;
  fields: readonly string[];
  sort?: string;
  required?: boolean;
}[];

export type ColumnId = (typeof COLUMNS)[number]['id'];
export type Column = (typeof COLUMNS)[number];

export const COLUMN_IDS: ColumnId[] = COLUMNS.map((c) => c.id);

/** Fits a 1280 px laptop screen; the rest is one click away in "Columns". */
export const DEFAULT_COLUMNS: ColumnId[] = [
  'name',
  'state',
  'runtime_state',
  'size',
  'type',
  'instance',
  'project',
  'created',
];

export function columnById(id: ColumnId): Column {
  return COLUMNS.find((c) => c.id === id)!;
}

export function sortKeyOf(column: Column): string | undefined {
  return 'sort' in column ? column.sort : undefined;
}
