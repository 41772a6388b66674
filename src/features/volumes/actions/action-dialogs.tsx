import type { OpenAction } from './action-launcher';
import { AttachDialog } from './attach-dialog';
import { DetachDialog } from './detach-dialog';
import { EditDialog } from './edit-dialog';
import { ExtendDialog } from './extend-dialog';
import { RetypeDialog } from './retype-dialog';
import { SnapshotDialog } from './snapshot-dialog';
import { UnlinkDialog } from './unlink-dialog';
import './actions.css';

/** Every action dialog; this module (and react-hook-form) loads on the first action opened. */
export function ActionDialogs({ open, onClose }: { open: OpenAction; onClose: () => void }) {
  const { volume } = open;
  const key = `${open.action}:${volume.uuid}`;
  switch (open.action) {
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
    case 'unlink':
      return (
        <UnlinkDialog key={key} volume={volume} onClose={onClose} afterUnlink={open.afterUnlink} />
      );
  }
}
