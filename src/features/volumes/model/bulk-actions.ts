// The bulk actions by name: what the selection bar and the palette offer, and how the dialog
// words each. Apart from ./bulk (the plan and its rules), so that offering them costs the list
// nothing of the rules. The words are marked with msg() and translated where shown (`t(label)`).
import { msg, t } from '@/lib/i18n';

export type BulkAction = 'pull' | 'snapshot' | 'detach' | 'delete';

/** The most volumes one bulk action takes; stated in the dialog when a selection is larger. */
export const BULK_CAP = 1000;

/**
 * Each action's dialog title, marked for translation (`t(BULK_LABELS[action].title)` where shown).
 * A sentence about an action is one message of its own (a `select` on the action), never words put
 * together from pieces.
 */
export const BULK_LABELS: Record<BulkAction, { title: string }> = {
  pull: { title: msg('Pull volumes') },
  snapshot: { title: msg('Create snapshots') },
  detach: { title: msg('Detach volumes') },
  delete: { title: msg('Delete volumes') },
};

/** The bulk actions, in the order the selection bar and the palette offer them (`t(label)`). */
export const BULK_ACTIONS: { id: BulkAction; label: string }[] = [
  { id: 'pull', label: msg('Pull') },
  { id: 'snapshot', label: msg('Create snapshots') },
  { id: 'detach', label: msg('Detach') },
  { id: 'delete', label: msg('Delete') },
];

/**
 * A bulk delete is confirmed by typing how many volumes go: "delete 3", in the reader's language.
 * What is typed is compared with it lower-cased, so it is lower case, with the count in plain
 * digits and without the isolation marks a right-to-left language puts around a value.
 */
export const bulkDeleteConfirmation = (count: number) =>
  t('delete {count}', { count: String(count) })
    .replace(/[\u2068\u2069]/g, '')
    .toLowerCase();
