import { parseUuid, ROUTED_COLLECTIONS } from '../list';
import { pythonTypeName } from '../responses';
import type { FieldErrors } from './validators';

/**
 * DRF's `HyperlinkedRelatedField.to_internal_value`: accepts an absolute or path-only URL (any host),
 * resolves it against the router, and checks it names the expected view and an existing object.
 * Returns the UUID, or adds DRF's message for the field and returns undefined.
 */
export function resolveHyperlink(
  errors: FieldErrors,
  data: Record<string, unknown>,
  field: string,
  collection: string,
  exists: (uuid: string) => boolean,
): string | undefined {
  if (!(field in data)) {
    errors.add(field, 'This field is required.');
    return undefined;
  }
  const value = data[field];
  if (value === null) {
    errors.add(field, 'This field may not be null.');
    return undefined;
  }
  if (typeof value !== 'string') {
    errors.add(field, `Incorrect type. Expected URL string, received ${pythonTypeName(value)}.`);
    return undefined;
  }
  let path = value;
  if (/^https?:/i.test(value)) {
    try {
      path = new URL(value).pathname;
    } catch {
      errors.add(field, 'Invalid hyperlink - No URL match.');
      return undefined;
    }
  }
  const match = /^\/api\/([^/]+)\/(?:([^/.]+)\/)?$/.exec(decodeURIComponent(path));
  if (!match || !ROUTED_COLLECTIONS.includes(match[1]!)) {
    errors.add(field, 'Invalid hyperlink - No URL match.');
    return undefined;
  }
  if (match[1] !== collection || !match[2]) {
    errors.add(field, 'Invalid hyperlink - Incorrect URL match.');
    return undefined;
  }
  const uuid = parseUuid(match[2]);
  if (!uuid || !exists(uuid)) {
    errors.add(field, 'Invalid hyperlink - Object does not exist.');
    return undefined;
  }
  return uuid;
}
