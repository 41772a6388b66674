// What every action dialog shares, in one hook: a react-hook-form form validated by its zod schema,
// starting from the draft left by an earlier Escape (or the defaults); the volume action's mutation;
// and a submit that sends one request however often it is clicked, places a 400's field errors on
// their fields and everything else at the top of the form, and keeps the input on any error.
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef, useState } from 'react';
import { type DefaultValues, type FieldValues, type Path, useForm } from 'react-hook-form';
import type * as z from 'zod/mini';
import { ApiError } from '@/lib/api-error';
import { notify } from '@/lib/notifications';
import { UnknownOutcomeError } from '../api/volume-actions';
import { useVolumeAction } from '../hooks/use-volume-action';
import type { Volume } from '../model/schemas';
import { clearDraft, draftKey, readDraft, saveDraft } from '../state/drafts';
import { describeFailure, type FormProblem } from './form-problem';

export interface ActionDialogOptions<T extends FieldValues> {
  volume: Volume;
  /** Names the draft: one per action and volume. */
  action: string;
  schema: z.ZodMiniType<T, T>;
  defaults: T;
  /** Server field name → form field, for a 400's field errors. */
  fieldMap?: Record<string, Path<T>>;
  onClose: () => void;
}

export function useActionDialog<T extends FieldValues>({
  volume,
  action,
  schema,
  defaults,
  fieldMap = {},
  onClose,
}: ActionDialogOptions<T>) {
  const key = draftKey(action, volume.uuid);
  const form = useForm<T>({
    resolver: zodResolver(schema),
    defaultValues: { ...defaults, ...(readDraft<Partial<T>>(key) ?? {}) } as DefaultValues<T>,
  });
  const mutation = useVolumeAction(volume);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [report, setReport] = useState<string | undefined>();
  const inFlight = useRef(false);

  useEffect(() => {
    const subscription = form.watch((values) => saveDraft(key, values));
    return () => subscription.unsubscribe();
  }, [form, key]);

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
    setProblem(null);
    setReport(undefined);
    try {
      await send(values);
      clearDraft(key);
    } catch (error) {
      const placed = placeFieldErrors(error);
      const described = describeFailure(error, fieldMap);
      if (error instanceof UnknownOutcomeError) {
        described.actions = [
          { label: 'Check again', run: () => void checkAgain(error) },
          { label: 'Send again', run: () => void attempt(send, values) },
        ];
        setReport(error.cause.toReport());
      } else if (error instanceof ApiError && error.status !== 400) {
        setReport(error.toReport());
      }
      if (!placed || described.messages.length > 0) setProblem(described);
    } finally {
      inFlight.current = false;
    }
  };

  /** After an unknown outcome: read the volume once more; close if Waldur shows the request. */
  const checkAgain = async (unknown: UnknownOutcomeError) => {
    const result = await mutation.confirm(unknown.request).catch(() => null);
    if (result) {
      clearDraft(key);
      notify({
        kind: 'success',
        title: `Waldur received it: ${volume.name ?? 'the volume'} shows the change`,
      });
      onClose();
    } else {
      setProblem(
        (current) =>
          current && {
            ...current,
            messages: [
              'Checked again: Waldur still does not show it. Send it again if you want it done.',
            ],
          },
      );
    }
  };

  /** `send` runs once the values are valid; its failures are shown without losing the input. */
  const submit = (send: (values: T) => Promise<void>) =>
    form.handleSubmit((values) => attempt(send, values));

  return {
    form,
    mutation,
    submit,
    /** The props every `ActionDialog` frame takes from here. */
    frame: {
      onClose,
      isSubmitting: mutation.isPending,
      problem,
      report,
      notice: mutation.checking
        ? 'No answer came back from Waldur. Checking whether it received the request…'
        : undefined,
    },
  };
}
