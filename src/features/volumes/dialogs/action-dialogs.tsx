// Every action dialog on one volume; this module (and react-hook-form) loads on the first action
// opened, or earlier when a button asks for it (state/dialogs.ts `preloadDialog`).
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

export function ActionDialogs({
  dialog,
  onClose,
}: {
  dialog: Extract<OpenDialog, { kind: 'action' }>;
  onClose: () => void;
}) {
  const { volume } = dialog;
  const key = `${dialog.action}:${volume.uuid}`;
  switch (dialog.action) {
    case 'edit':
      return <EditDialog key={key} volume={volume} onClose={onClose} />;
    case 'attach':
      return <AttachDialog key={key} volume={volume} onClose={onClose} />;
    case 'detach':
      return <DetachDialog key={key} volume={volume} onClose={onClose} />;
    case 'extend':
      return <ExtendDialog key={key} volume={volume} onClose={onClose} />;
    case 'retype':
      return <RetypeDialog key={key} volume={volume} onClose={onClose} />;
    case 'snapshot':
      return <SnapshotDialog key={key} volume={volume} onClose={onClose} />;
    case 'delete':
      return <DeleteDialog key={key} volume={volume} onClose={onClose} />;
    case 'set_ok':
      return <SetOkDialog key={key} volume={volume} onClose={onClose} />;
    case 'set_erred':
      return <SetErredDialog key={key} volume={volume} onClose={onClose} />;
    case 'unlink':
      return (
        <UnlinkDialog
          key={key}
          volume={volume}
          onClose={onClose}
          afterUnlink={dialog.afterUnlink}
        />
      );
  }
}
