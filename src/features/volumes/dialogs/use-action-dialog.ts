// The hook of every action dialog on one volume: a form dialog (./use-form-dialog) whose submit
// runs the volume's action. When an answer is lost and re-reading does not show the request, the
// problem offers "Check again" (one more read) and "Send again".
import type { FieldValues, Path } from 'react-hook-form';
import * as z from 'zod/mini';
import { notify } from '@/lib/notifications';
import { type ActionRequest, type ActionResult, UnknownOutcomeError } from '../api/volume-actions';
import { useVolumeAction } from '../hooks/use-volume-action';
import type { Volume } from '../model/schemas';
import { confirmNameSchema } from '../model/validation';
import { draftKey } from '../state/drafts';
import { describeFailure } from './form-problem';
import { useFormDialog } from './use-form-dialog';

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
  const mutation = useVolumeAction(volume);
  const dialog = useFormDialog<T>({
    draft: draftKey(action, volume.uuid),
    schema,
    defaults,
    fieldMap,
    recover: (error, retry) => {
      if (!(error instanceof UnknownOutcomeError)) return undefined;
      return {
        ...describeFailure(error),
        actions: [
          { label: 'Check again', run: () => void checkAgain(error) },
          { label: 'Send again', run: retry },
        ],
      };
    },
  });

  /** After an unknown outcome: read the volume once more; close if Waldur shows the request. */
  const checkAgain = async (unknown: UnknownOutcomeError) => {
    const result = await mutation.confirm(unknown.request).catch(() => null);
    if (result) {
      dialog.clearDraft();
      notify({
        kind: 'success',
        title: `Waldur received it: ${volume.name ?? 'the volume'} shows the change`,
      });
      onClose();
    } else {
      dialog.setProblem(
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

  /**
   * The usual submit: send the request the values make; once Waldur accepted it, say `done` as a
   * success notice and close.
   */
  const submitAction = (
    request: (values: T) => ActionRequest,
    done: (values: T, result: ActionResult) => string | { title: string; message: string },
  ) =>
    dialog.submit(async (values) => {
      const result = await mutation.mutateAsync(request(values));
      const notice = done(values, result);
      notify({ kind: 'success', ...(typeof notice === 'string' ? { title: notice } : notice) });
      onClose();
    });

  return {
    form: dialog.form,
    mutation,
    submit: dialog.submit,
    submitAction,
    /** The props every `ActionDialog` frame takes from here. */
    frame: {
      onClose,
      isSubmitting: mutation.isPending,
      problem: dialog.problem,
      report: dialog.report,
      notice: mutation.checking
        ? 'No answer came back from Waldur. Checking whether it received the request…'
        : undefined,
    },
  };
}

/** An action that asks for the volume's name first (delete, unlink). */
export function useConfirmNameDialog(volume: Volume, action: string, onClose: () => void) {
  const name = volume.name ?? volume.uuid;
  const dialog = useActionDialog({
    volume,
    action,
    schema: z.object({ confirm: confirmNameSchema(name) }),
    defaults: { confirm: '' },
    onClose,
  });
  return { ...dialog, name };
}
