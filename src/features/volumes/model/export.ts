// Export = exactly what the list shows: its filters and order, and its visible columns. Each column
// exports the raw API fields it shows (machine-readable: sizes in MiB, states as Waldur spells them),
// after the volume's UUID. The headers are the API's field names, whatever the console's language
// (scripts read them), unless the reader picks labels in their language; the values never change.
import { msg } from '@/lib/i18n';
import { COLUMNS, type ColumnId } from './columns';
import type { Volume } from './schemas';

export const EXPORT_CAP = 10_000;

const EXPORT_FIELDS: Record<ColumnId, string[]> = {
  name: ['name'],
  state: ['state', 'action'],
  runtime_state: ['runtime_state'],
  size: ['size'],
  type: ['type_name'],
  instance: ['instance_name', 'device'],
  bootable: ['bootable'],
  project: ['project_name'],
  customer: ['customer_name'],
  zone: ['availability_zone_name'],
  created: ['created'],
  modified: ['modified'],
  backend_id: ['backend_id'],
};

/** Column headers of the export, in table order: `uuid` first, then each visible column's fields. */
export function exportFields(columns: ColumnId[]): string[] {
  const ordered = COLUMNS.map((c) => c.id).filter((id) => columns.includes(id));
  return ['uuid', ...ordered.flatMap((id) => EXPORT_FIELDS[id])];
}

/** The API fields to request: the exported ones (`size` is exported as `size_mib`). */
export function requestFields(columns: ColumnId[]) {
  return [
    ...new Set([
      'uuid',
      ...columns.flatMap((id) => COLUMNS.find((c) => c.id === id)!.fields),
      ...exportFields(columns),
    ]),
  ];
}

function value(volume: Volume, field: string): string | number | boolean | null {
  const raw = (volume as Record<string, unknown>)[field];
  if (raw === undefined || raw === null) return null;
  if (typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean') return raw;
  return JSON.stringify(raw);
}

function csvCell(cell: string | number | boolean | null): string {
  if (cell === null) return '';
  const text = String(cell);
  // Quote anything with a separator, quote or line break; defuse spreadsheet formulas.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** A header: the field's name (`size` as `size_mib`, as it counts MiB). */
export const fieldHeader = (field: string) => (field === 'size' ? 'size_mib' : field);

/** Each exported field named for people, for "labels in my language" (translated where used). */
export const FIELD_LABELS: Record<string, string> = {
  uuid: msg('UUID'),
  name: msg('Name'),
  state: msg('State'),
  action: msg('Current action'),
  runtime_state: msg('Runtime state'),
  size: msg('Size (MiB)'),
  type_name: msg('Type'),
  instance_name: msg('Attached to'),
  device: msg('Device'),
  bootable: msg('Bootable'),
  project_name: msg('Project'),
  customer_name: msg('Customer'),
  availability_zone_name: msg('Availability zone'),
  created: msg('Created'),
  modified: msg('Modified'),
  backend_id: msg('Backend ID'),
};

/** Headers as labels, through `translate`; a field without a label keeps its name. */
export function labelHeader(translate: (message: string) => string) {
  return (field: string) => {
    const label = FIELD_LABELS[field];
    return label ? translate(label) : fieldHeader(field);
  };
}

export function toCsv(volumes: Volume[], fields: string[], header = fieldHeader): string {
  const lines = [fields.map((f) => csvCell(header(f))).join(',')];
  for (const volume of volumes) lines.push(fields.map((f) => csvCell(value(volume, f))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

export function toJson(volumes: Volume[], fields: string[], header = fieldHeader): string {
  return `${JSON.stringify(
    volumes.map((volume) => Object.fromEntries(fields.map((f) => [header(f), value(volume, f)]))),
    null,
    2,
  )}\n`;
}
