// A description, with its length against this Waldur's limit (4,096 characters, or 2,000 on a
// 2024 server once it has refused a longer one: src/lib/server-limits.ts).
import type { ReactNode } from 'react';
import type { FieldValues, Path, UseFormReturn } from 'react-hook-form';
import { TextField } from '@/components/form-fields';
import { formatInteger } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { useDescriptionLimit } from '@/lib/server-limits';

export function DescriptionField<T extends FieldValues>({
  form,
  name = 'description' as Path<T>,
  rows = 2,
  hint,
}: {
  form: UseFormReturn<T>;
  name?: Path<T>;
  rows?: number;
  hint?: ReactNode;
}) {
  const t = useT();
  const { max, learnt } = useDescriptionLimit();
  const length = String(form.watch(name) ?? '').length;
  return (
    <TextField
      form={form}
      name={name}
      label={t('Description')}
      rows={rows}
      hint={
        <>
          {hint ? <>{hint} </> : null}
          {learnt
            ? t('{length}/{max} (the limit of this Waldur)', {
                length: formatInteger(length),
                max: formatInteger(max),
              })
            : t(
                '{length}/{max}',
                { length: formatInteger(length), max: formatInteger(max) },
                'characters',
              )}
        </>
      }
    />
  );
}
