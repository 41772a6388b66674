// The hook of every action dialog on one volume: a form dialog (./use-form-dialog) whose submit
// sends the volume's action as a write, records it in the tray once Waldur has it, says so and
// closes. A lost answer is checked, and an unknown outcome offers "Check again" and "Send again"
// (./use-form-dialog does that for every write).
import { useQueryClient } from '@tanstack/react-query';
import type { FieldValues, Path } from 'react-hook-form';
import * as z from 'zod/mini';
import { notify } from '@/lib/notifications';
import type { Accepted } from '@/lib/writes';
import { type ActionRequest, type ActionResult, volumeActionWrite } from '../api/volume-actions';
import type { Volume } from '../model/schemas';
import { confirmNameSchema } from '../model/validation';
import { draftKey } from '../state/drafts';
import { recordOperation } from '../state/records';
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

type Notice = string | { title: string; message: string };

export function useActionDialog<T extends FieldValues>({
  volume,
  action,
  schema,
  defaults,
  fieldMap = {},
  onClose,
}: ActionDialogOptions<T>) {
  const queryClient = useQueryClient();
  const dialog = useFormDialog<T>({
    draft: draftKey(action, volume.uuid),
    schema,
    defaults,
    fieldMap,
  });

  /**
   * The usual submit: send the request the values make (null: nothing to send, just close); once
   * Waldur has it, record it in the tray, say `done` as a success notice, and close.
   */
  const submitAction = (
    request: (values: T) => ActionRequest | null,
    done: (values: T, result: Accepted<ActionResult>) => Notice,
    after?: () => void,
  ) => {
    const requests = new WeakMap<T, ActionRequest>();
    return dialog.submitWrite(
      (values) => {
        const made = request(values);
        if (!made) {
          onClose();
          return null;
        }
        requests.set(values, made);
        return volumeActionWrite(queryClient, volume, made);
      },
      (result, values) => {
        const made = requests.get(values);
        if (made) recordOperation(volume, made, result);
        const notice = done(values, result);
        notify({ kind: 'success', ...(typeof notice === 'string' ? { title: notice } : notice) });
        onClose();
        after?.();
      },
    );
  };

  return {
    form: dialog.form,
    submitAction,
    /** The props every `ActionDialog` frame takes from here. */
    frame: { onClose, ...dialog.frame },
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
