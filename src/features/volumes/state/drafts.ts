// What was typed into a dialog that was closed without submitting, so that reopening it (after an
// Escape by mistake) brings the input back. Cleared after a successful submit.
const drafts = new Map<string, unknown>();

export const draftKey = (action: string, uuid: string) => `${action}:${uuid}`;

export function readDraft<T>(key: string): T | undefined {
  return drafts.get(key) as T | undefined;
}

export function saveDraft(key: string, values: unknown) {
  drafts.set(key, values);
}

export function clearDraft(key: string) {
  drafts.delete(key);
}

/** Tests start without drafts. */
export function clearAllDrafts() {
  drafts.clear();
}
