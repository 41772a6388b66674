// Every action dialog on one volume; this module (and react-hook-form) loads on the first action
// opened, or earlier when a button asks for it (state/dialogs.ts `preloadDialog`).
import type { ComponentType } from 'react';
import type { Volume } from '../model/schemas';
import type { OpenDialog } from '../state/dialogs';
import { AttachDialog } from './attach-dialog';
import { DeleteDialog } from './delete-dialog';
import { DetachDialog } from './detach-dialog';
import { EditDialog } from './edit-dialog';
import { ExtendDialog } from './extend-dialog';
import { SetErredDialog, SetOkDialog } from './mark-state-dialogs';
import { RetypeDialog } from './retype-dialog';
import { SnapshotDialog } from './snapshot-dialog';
import { UnlinkDialog } from './unlink-dialog';
import './actions.css';

type ActionDialog = Extract<OpenDialog, { kind: 'action' }>;

const DIALOGS: Record<
  ActionDialog['action'],
  ComponentType<{ volume: Volume; onClose: () => void; afterUnlink?: () => void }>
> = {
  edit: EditDialog,
  attach: AttachDialog,
  detach: DetachDialog,
  extend: ExtendDialog,
  retype: RetypeDialog,
  snapshot: SnapshotDialog,
  delete: DeleteDialog,
  set_ok: SetOkDialog,
  set_erred: SetErredDialog,
  unlink: UnlinkDialog,
};

export function ActionDialogs({ dialog, onClose }: { dialog: ActionDialog; onClose: () => void }) {
  const Dialog = DIALOGS[dialog.action];
  return (
    <Dialog
      key={`${dialog.action}:${dialog.volume.uuid}`}
      volume={dialog.volume}
      onClose={onClose}
      afterUnlink={dialog.afterUnlink}
    />
  );
}
