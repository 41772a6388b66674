// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { exportFields, FIELD_LABELS, labelHeader, toCsv, toJson } from './export';
import type { Volume } from './schemas';

const volume = (fields: Partial<Volume>): Volume => ({ uuid: 'a'.repeat(32), ...fields }) as Volume;

describe('export', () => {
  it('exports uuid then the visible columns’ raw fields, in table order', () => {
    expect(exportFields(['size', 'name', 'instance'])).toEqual([
      'uuid',
      'name',
      'size',
      'instance_name',
      'device',
    ]);
  });

  it('writes CSV that spreadsheets read safely', () => {
    const csv = toCsv(
      [
        volume({ name: 'data, "main"', size: 10240, instance_name: '=HYPERLINK("x")', device: '' }),
        volume({ name: 'two\nlines', size: null }),
        volume({ name: 'a=b-c', size: 1 }),
      ],
      ['uuid', 'name', 'size', 'instance_name'],
    );
    expect(csv.split('\r\n')).toEqual([
      'uuid,name,size_mib,instance_name',
      `${'a'.repeat(32)},"data, ""main""",10240,"'=HYPERLINK(""x"")"`,
      `${'a'.repeat(32)},"two\nlines",,`,
      `${'a'.repeat(32)},a=b-c,1,`,
      '',
    ]);
  });

  it('writes JSON with the same columns', () => {
    expect(
      JSON.parse(
        toJson(
          [volume({ name: 'x', size: 1024, metadata: { a: 1 }, bootable: true })],
          ['uuid', 'size', 'metadata', 'bootable'],
        ),
      ),
    ).toEqual([{ uuid: 'a'.repeat(32), size_mib: 1024, metadata: '{"a":1}', bootable: true }]);
  });

  it('keeps the API’s field names whatever the language, or labels them when asked', () => {
    const rows = [volume({ name: 'x', size: 1024, state: 'OK' })];
    const fields = ['uuid', 'name', 'size', 'state'];
    // What the console would show in German (a stand-in catalogue).
    const german: Record<string, string> = {
      Name: 'Name',
      'Size (MiB)': 'Größe (MiB)',
      State: 'Status',
    };
    const translate = (label: string) => german[label] ?? label;
    expect(toCsv(rows, fields).split('\r\n')[0]).toBe('uuid,name,size_mib,state');
    expect(toCsv(rows, fields, labelHeader(translate)).split('\r\n')).toEqual([
      'UUID,Name,Größe (MiB),Status',
      `${'a'.repeat(32)},x,1024,OK`,
      '',
    ]);
    expect(JSON.parse(toJson(rows, fields, labelHeader(translate)))).toEqual([
      { UUID: 'a'.repeat(32), Name: 'x', 'Größe (MiB)': 1024, Status: 'OK' },
    ]);
    // Every field a column exports has a label.
    const all = exportFields([
      'name',
      'state',
      'runtime_state',
      'size',
      'type',
      'instance',
      'bootable',
      'project',
      'customer',
      'zone',
      'created',
      'modified',
      'backend_id',
    ]);
    expect(all.filter((field) => !FIELD_LABELS[field])).toEqual([]);
  });
});
