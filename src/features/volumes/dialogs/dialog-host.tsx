// Renders the dialog that state/dialogs.ts says is open. Each kind's code is a lazy chunk, fetched
// when the page is idle after its first render, or earlier when a button is hovered or focused
// (through the loaders registered here), or at the latest on first use.
// A page mounts one host; leaving the page closes its dialog.
import { type ComponentType, lazy, Suspense, useEffect } from 'react';
import { useWhenSettledAndIdle } from '@/lib/code-loads';
import { withWords } from '@/lib/language';
import {
  closeDialog,
  type DialogKind,
  loadDialog,
  type OpenDialog,
  registerDialogLoader,
  useOpenDialog,
} from '../state/dialogs';

type DialogOf<K extends DialogKind> = Extract<OpenDialog, { kind: K }>;
type Props<K extends DialogKind> = { dialog: DialogOf<K>; onClose: () => void };

/**
 * A dialog kind's component, from its chunk. Once the chunk is here it renders directly: through
 * `lazy` it would suspend anyway, and React holds back revealing suspended content for 300 ms.
 */
function lazyDialog<K extends DialogKind>(
  kind: K,
  load: () => Promise<{ default: ComponentType<Props<K>> }>,
) {
  let Loaded: ComponentType<Props<K>> | null = null;
  const loadAndKeep = () =>
    load().then((module) => {
      Loaded = module.default;
      return module;
    });
  registerDialogLoader(kind, loadAndKeep);
  const Lazy = lazy(loadAndKeep);
  // biome-ignore lint/correctness/noComponentHookFactories: called once per kind, at module level (DIALOGS)
  return function DialogOfKind(props: Props<K>) {
    return Loaded ? <Loaded {...props} /> : <Lazy {...props} />;
  };
}

const DIALOGS: { [K in DialogKind]: ComponentType<Props<K>> } = {
  action: lazyDialog('action', () =>
    withWords(import('./action-dialogs')).then((m) => ({ default: m.ActionDialogs })),
  ),
  bulk: lazyDialog('bulk', () =>
    withWords(import('./bulk-dialog')).then((m) => ({ default: m.BulkDialog })),
  ),
  export: lazyDialog('export', () =>
    withWords(import('./export-dialog')).then((m) => ({ default: m.ExportDialog })),
  ),
  palette: lazyDialog('palette', () =>
    withWords(import('./command-palette')).then((m) => ({ default: m.CommandPalette })),
  ),
  help: lazyDialog('help', () =>
    withWords(import('./shortcuts-help')).then((m) => ({ default: m.ShortcutsHelp })),
  ),
  create: lazyDialog('create', () =>
    withWords(import('./create-volume-dialog')).then((m) => ({ default: m.CreateVolumeDialog })),
  ),
  snapshot: lazyDialog('snapshot', () =>
    withWords(import('./snapshot-dialogs')).then((m) => ({ default: m.SnapshotDialogs })),
  ),
};

/**
 * Once the page is on screen and the browser is idle, fetch every dialog's code: the first
 * dialog of a visit then opens as fast as the later ones (buttons also ask on hover and focus).
 */
function usePreloadDialogs() {
  useWhenSettledAndIdle(
    () => {
      for (const kind of Object.keys(DIALOGS) as DialogKind[]) void loadDialog(kind);
    },
    300,
    500,
  );
}

export function DialogHost() {
  const open = useOpenDialog();
  useEffect(() => closeDialog, []);
  usePreloadDialogs();
  if (!open) return null;
  const Dialog = DIALOGS[open.kind] as ComponentType<Props<typeof open.kind>>;
  return (
    <Suspense fallback={null}>
      <Dialog dialog={open} onClose={closeDialog} />
    </Suspense>
  );
}
