// What every form dialog shares: a react-hook-form form validated by its zod schema, starting
// from the draft an earlier Escape left (or the defaults); and a submit that sends once however
// often it is clicked, places a 400's field errors on their fields and everything else at the top
// of the form, and keeps the input on any error. Action dialogs on a volume add the volume's
// mutation on top (./use-action-dialog); the lifecycle's forms (create, delete, snapshot) use it
// directly.
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef, useState } from 'react';
import { type DefaultValues, type FieldValues, type Path, useForm } from 'react-hook-form';
import type * as z from 'zod/mini';
import { ApiError } from '@/lib/api-error';
import { clearDraft, readDraft, saveDraft } from '../state/drafts';
import { describeFailure, type FormProblem } from './form-problem';

export interface FormDialogOptions<T extends FieldValues> {
  /** Names the draft (one per form and object). */
  draft: string;
  schema: z.ZodMiniType<T, T>;
  defaults: T;
  /** Values that win over a draft (what the page the form was opened from says). */
  overrides?: Partial<T>;
  /** Server field name → form field, for a 400's field errors. */
  fieldMap?: Record<string, Path<T>>;
  /** What the form acts on, in failure messages ("volume", "snapshot"). */
  subject?: string;
  /**
   * A failure that needs more than words: its problem (with actions, say), or undefined for the
   * usual one. `retry` sends the same values again.
   */
  recover?: (error: unknown, retry: () => void) => FormProblem | undefined;
}

export function useFormDialog<T extends FieldValues>({
  draft,
  schema,
  defaults,
  overrides = {},
  fieldMap = {},
  subject,
  recover,
}: FormDialogOptions<T>) {
  const form = useForm<T>({
    resolver: zodResolver(schema),
    defaultValues: {
      ...defaults,
      ...(readDraft<Partial<T>>(draft) ?? {}),
      ...overrides,
    } as DefaultValues<T>,
  });
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [report, setReport] = useState<string | undefined>();
  const [isSubmitting, setSubmitting] = useState(false);
  const inFlight = useRef(false);

  useEffect(() => {
    const subscription = form.watch((values) => saveDraft(draft, values));
    return () => subscription.unsubscribe();
  }, [form, draft]);

  const placeFieldErrors = (error: unknown) => {
    if (!(error instanceof ApiError) || error.status !== 400) return false;
    let placed = false;
    for (const [serverField, messages] of Object.entries(error.fieldErrors)) {
      const field = fieldMap[serverField];
      if (!field) continue;
      form.setError(
        field,
        { type: 'server', message: messages.join(' ') },
        { shouldFocus: !placed },
      );
      placed = true;
    }
    return placed;
  };

  const attempt = async (send: (values: T) => Promise<void>, values: T) => {
    if (inFlight.current) return;
    inFlight.current = true;
    setSubmitting(true);
    setProblem(null);
    setReport(undefined);
    try {
      await send(values);
      clearDraft(draft);
    } catch (error) {
      const placed = placeFieldErrors(error);
      const described =
        recover?.(error, () => void attempt(send, values)) ??
        describeFailure(error, fieldMap, subject);
      if (error instanceof ApiError && error.status !== 400) setReport(error.toReport());
      else if (error instanceof Error && 'cause' in error && error.cause instanceof ApiError)
        setReport(error.cause.toReport());
      if (!placed || described.messages.length > 0) setProblem(described);
    } finally {
      inFlight.current = false;
      setSubmitting(false);
    }
  };

  /** `send` runs once the values are valid; its failures are shown without losing the input. */
  const submit = (send: (values: T) => Promise<void>) =>
    form.handleSubmit((values) => attempt(send, values));

  return {
    form,
    submit,
    problem,
    setProblem,
    report,
    isSubmitting,
    clearDraft: () => clearDraft(draft),
    /** The props an `ActionDialog` frame takes from here (it adds `onClose`). */
    frame: { isSubmitting, problem, report },
  };
}
