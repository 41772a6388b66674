// The bulk actions by name: what the selection bar and the palette offer, and how the dialog
// words each. Apart from ./bulk (the plan and its rules), so that offering them costs the list
// nothing of the rules.
export type BulkAction = 'pull' | 'snapshot' | 'detach' | 'delete';

/** The most volumes one bulk action takes; stated in the dialog when a selection is larger. */
export const BULK_CAP = 1000;

export const BULK_LABELS: Record<BulkAction, { verb: string; title: string; done: string }> = {
  pull: { verb: 'Pull', title: 'Pull volumes', done: 'pulled' },
  snapshot: { verb: 'Snapshot', title: 'Create snapshots', done: 'snapshotted' },
  detach: { verb: 'Detach', title: 'Detach volumes', done: 'detached' },
  delete: { verb: 'Delete', title: 'Delete volumes', done: 'deleted' },
};

/** The bulk actions, in the order the selection bar and the palette offer them. */
export const BULK_ACTIONS: { id: BulkAction; label: string }[] = [
  { id: 'pull', label: 'Pull' },
  { id: 'snapshot', label: 'Create snapshots' },
  { id: 'detach', label: 'Detach' },
  { id: 'delete', label: 'Delete' },
];

/** A bulk delete is confirmed by typing how many volumes go: "delete 3". */
export const bulkDeleteConfirmation = (count: number) => `delete ${count}`;
