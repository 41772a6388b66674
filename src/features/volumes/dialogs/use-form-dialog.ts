// What every form dialog shares: a react-hook-form form validated by its zod schema, starting
// from the draft an earlier Escape left (or the defaults); and a submit that sends once however
// often it is clicked, places a 400's field errors on their fields and everything else at the top
// of the form, and keeps the input on any error.
//
// Forms that change something in Waldur submit a `Write` (src/lib/writes.ts) with `submitWrite`:
// a lost answer is checked by re-reading ("Checking whether Waldur received it…"), and when the
// outcome stays unknown the form offers "Check again" (one more read, never a send) and "Send
// again", with the input kept. Whatever follows acceptance (the tray, a notice, closing) runs once
// Waldur has it, however that was learnt. Action dialogs on a volume add the volume's request on
// top (./use-action-dialog).
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef, useState } from 'react';
import { type DefaultValues, type FieldValues, type Path, useForm } from 'react-hook-form';
import type * as z from 'zod/mini';
import { ApiError } from '@/lib/api-error';
import { useT } from '@/lib/i18n';
import { learnLimits } from '@/lib/server-limits';
import {
  type Accepted,
  checkAgain,
  performWrite,
  UnknownOutcomeError,
  type Write,
} from '@/lib/writes';
import { clearDraft, readDraft, saveDraft } from '../state/drafts';
import { describeFailure, type FormProblem, type FormSubject } from './form-problem';

export interface FormDialogOptions<T extends FieldValues> {
  /** Names the draft (one per form and object). */
  draft: string;
  schema: z.ZodMiniType<T, T>;
  defaults: T;
  /** Values that win over a draft (what the page the form was opened from says). */
  overrides?: Partial<T>;
  /** Server field name → form field, for a 400's field errors. */
  fieldMap?: Record<string, Path<T>>;
  /** What the form acts on, in failure messages. */
  subject?: FormSubject;
  /**
   * Places messages of a 400 that names no field on the field they are about (a mandatory zone);
   * returns the messages it placed, which then do not show at the top of the form as well.
   */
  placeGeneral?: (error: ApiError, form: ReturnType<typeof useForm<T>>) => string[];
}

export function useFormDialog<T extends FieldValues>({
  draft,
  schema,
  defaults,
  overrides = {},
  fieldMap = {},
  subject,
  placeGeneral,
}: FormDialogOptions<T>) {
  const t = useT();
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
  const [checking, setChecking] = useState(false);
  const inFlight = useRef(false);

  useEffect(() => {
    const subscription = form.watch((values) => saveDraft(draft, values));
    return () => subscription.unsubscribe();
  }, [form, draft]);

  /** A 400's errors on their fields; returns whether any was placed, and the general ones placed. */
  const placeFieldErrors = (error: unknown) => {
    if (!(error instanceof ApiError) || error.status !== 400) return { placed: false, general: [] };
    learnLimits(error);
    const general = placeGeneral?.(error, form) ?? [];
    let placed = general.length > 0;
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
    return { placed, general };
  };

  /** An unknown outcome: say so, and offer one more read or another send. */
  const unknownOutcome = <R>(
    error: UnknownOutcomeError<R>,
    retry: () => void,
    accepted: (result: Accepted<R>) => void | Promise<void>,
  ): FormProblem => ({
    ...describeFailure(error, {}, subject),
    actions: [
      {
        label: t('Check again'),
        run: async () => {
          const result = await checkAgain(error.write).catch(() => null);
          if (result) {
            clearDraft(draft);
            setProblem(null);
            await accepted(result);
            return;
          }
          setProblem(
            (current) =>
              current && {
                ...current,
                messages: [
                  t(
                    'Checked again: Waldur still does not show it. Send it again if you want it done.',
                  ),
                ],
              },
          );
        },
      },
      { label: t('Send again'), run: retry },
    ],
  });

  const attempt = async (
    send: (values: T) => Promise<void>,
    values: T,
    recover?: (error: unknown, retry: () => void) => FormProblem | undefined,
  ) => {
    if (inFlight.current) return;
    inFlight.current = true;
    setSubmitting(true);
    setProblem(null);
    setReport(undefined);
    try {
      await send(values);
      clearDraft(draft);
    } catch (error) {
      const { placed, general } = placeFieldErrors(error);
      const failure =
        recover?.(error, () => void attempt(send, values, recover)) ??
        describeFailure(error, fieldMap, subject);
      const described = {
        ...failure,
        messages: failure.messages.filter((m) => !general.includes(m)),
      };
      if (error instanceof ApiError && error.status !== 400) setReport(error.toReport());
      else if (error instanceof Error && 'cause' in error && error.cause instanceof ApiError)
        setReport(error.cause.toReport());
      if (!placed || described.messages.length > 0) setProblem(described);
    } finally {
      inFlight.current = false;
      setSubmitting(false);
      setChecking(false);
    }
  };

  /** `send` runs once the values are valid; its failures are shown without losing the input. */
  const submit = (send: (values: T) => Promise<void>) =>
    form.handleSubmit((values) => attempt(send, values));

  /**
   * Submits the write `make(values)` makes (null: nothing to send, e.g. a check of the form's
   * own failed), and runs `accepted` once Waldur has it.
   */
  const submitWrite = <R>(
    make: (values: T) => Write<R> | null,
    accepted: (result: Accepted<R>, values: T) => void | Promise<void>,
  ) =>
    form.handleSubmit((values) =>
      attempt(
        async (v) => {
          const write = make(v);
          if (!write) return;
          const result = await performWrite(write, { onChecking: () => setChecking(true) });
          await accepted(result, v);
        },
        values,
        (error, retry) =>
          error instanceof UnknownOutcomeError
            ? unknownOutcome(error as UnknownOutcomeError<R>, retry, (result) =>
                accepted(result, values),
              )
            : undefined,
      ),
    );

  return {
    form,
    submit,
    submitWrite,
    problem,
    setProblem,
    report,
    isSubmitting,
    clearDraft: () => clearDraft(draft),
    /** The props an `ActionDialog` frame takes from here (it adds `onClose`). */
    frame: {
      isSubmitting,
      problem,
      report,
      notice: checking
        ? t('No answer came back from Waldur. Checking whether it received the request…')
        : undefined,
    },
  };
}
