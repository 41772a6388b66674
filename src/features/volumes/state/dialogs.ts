// Which dialog is open, if any: one store for every dialog of the feature (an action on a volume,
// a bulk action, export, the command palette, the shortcuts, a new volume, a snapshot's actions). Buttons anywhere open them through
// here; the dialog host (dialogs/dialog-host.tsx) renders the open one and owns loading its code,
// so nothing below it imports a dialog.
import { trackCodeLoad } from '@/lib/code-loads';
import { createStore, useStore } from '@/lib/store';
import type { ActionId } from '../model/action-rules';
import type { BulkAction } from '../model/bulk-actions';
import type { ColumnId } from '../model/columns';
import type { VolumeListParams } from '../model/list-view';
import type { Snapshot, Volume } from '../model/schemas';

/** The volumes a bulk action is about: ticked rows, or every volume matching a view. */
export type BulkTarget =
  | { kind: 'rows'; volumes: Volume[] }
  | { kind: 'matching'; params: VolumeListParams; total: number };

/** What the command palette can act on besides the current row: the list's selection. */
export interface PaletteSelection {
  count: number;
  target: BulkTarget | null;
  clear: () => void;
}

export type OpenDialog =
  | {
      kind: 'action';
      action: Exclude<ActionId, 'pull'>;
      volume: Volume;
      /** Where to go after an unlink from the detail page. */
      afterUnlink?: () => void;
    }
  | {
      kind: 'bulk';
      action: BulkAction;
      target: BulkTarget;
      /** Called when the run is over, to clear the selection. */
      onFinished?: () => void;
    }
  | { kind: 'export'; params: VolumeListParams; columns: ColumnId[]; total: number }
  | {
      kind: 'palette';
      row: Volume | undefined;
      selection: PaletteSelection;
      /** Opens the export of the list's current view (the palette does not know the view). */
      onExport: () => void;
    }
  | { kind: 'help' }
  /** The new-volume form (a marketplace order). */
  | { kind: 'create'; projectUuid?: string }
  | {
      kind: 'snapshot';
      action: 'edit' | 'delete' | 'restore';
      snapshot: Snapshot;
    };

export type DialogKind = OpenDialog['kind'];

const open = createStore<OpenDialog | null>(null);

export function openDialog(dialog: OpenDialog) {
  open.set(dialog);
}

export function closeDialog() {
  open.set(null);
}

export function useOpenDialog() {
  return useStore(open);
}

// The host registers how to fetch each dialog's code; buttons ask for it on hover or focus, so
// that the code is usually there before the click.
const loaders = new Map<DialogKind, () => Promise<unknown>>();

export function registerDialogLoader(kind: DialogKind, load: () => Promise<unknown>) {
  loaders.set(kind, load);
}

/** Fetches a dialog's code; resolves once it is there (tests wait on it instead of a timeout). */
export function loadDialog(kind: DialogKind): Promise<unknown> {
  const load = loaders.get(kind);
  return load ? trackCodeLoad(load()) : Promise.resolve();
}

export function preloadDialog(kind: DialogKind) {
  void loadDialog(kind);
}
