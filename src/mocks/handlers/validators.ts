// What DRF and Waldur's validators answer for a bad request, message for message: state checks
// (409) and serializer field errors (400), collected and thrown together as DRF does.
import { detail, fieldErrors } from '../responses';
import { spellState } from '../states';

/** `StateValidator`: 409 "Valid states for operation: OK, ERRED." (in the server's spelling). */
export function requireState(
  server: { legacyStates?: boolean },
  item: { state: string },
  ...states: string[]
) {
  if (!states.includes(item.state)) {
    const labels = states.map((state) => spellState(state, server.legacyStates));
    throw detail(409, `Valid states for operation: ${labels.join(', ')}.`);
  }
}

/** `RuntimeStateValidator`: 409 "Valid runtime states for operation: available." */
export function requireRuntimeState(item: { runtime_state: string }, ...states: string[]) {
  if (!states.includes(item.runtime_state)) {
    throw detail(409, `Valid runtime states for operation: ${states.join(', ')}.`);
  }
}

/** Collects serializer field errors, then throws them all at once as DRF does. */
export class FieldErrors {
  private readonly errors: Record<string, string[]> = {};

  add(field: string, message: string) {
    this.errors[field] = [...(this.errors[field] ?? []), message];
  }

  has(field?: string) {
    return field ? field in this.errors : Object.keys(this.errors).length > 0;
  }

  throwIfAny(): void {
    if (this.has()) throw fieldErrors(this.errors);
  }
}

/** DRF `CharField` validation (trim_whitespace, allow_blank, max_length, required, allow_null). */
export function validateChar(
  errors: FieldErrors,
  data: Record<string, unknown>,
  field: string,
  options: { required?: boolean; allowBlank?: boolean; maxLength?: number },
): string | undefined {
  if (!(field in data)) {
    if (options.required) errors.add(field, 'This field is required.');
    return undefined;
  }
  const value = data[field];
  if (value === null) {
    errors.add(field, 'This field may not be null.');
    return undefined;
  }
  if (typeof value === 'boolean' || typeof value === 'object') {
    errors.add(field, 'Not a valid string.');
    return undefined;
  }
  const text = String(value).trim();
  if (text === '' && !options.allowBlank) {
    errors.add(field, 'This field may not be blank.');
    return undefined;
  }
  if (text.length > (options.maxLength ?? Number.POSITIVE_INFINITY)) {
    errors.add(field, `Ensure this field has no more than ${options.maxLength} characters.`);
    return undefined;
  }
  return text;
}

const TRUE_VALUES = new Set([
  't',
  'T',
  'y',
  'Y',
  'yes',
  'Yes',
  'YES',
  'true',
  'True',
  'TRUE',
  'on',
  'On',
  'ON',
  '1',
  1,
  true,
]);
const FALSE_VALUES = new Set([
  'f',
  'F',
  'n',
  'N',
  'no',
  'No',
  'NO',
  'false',
  'False',
  'FALSE',
  'off',
  'Off',
  'OFF',
  '0',
  0,
  false,
]);

/** DRF `BooleanField`. */
export function validateBoolean(
  errors: FieldErrors,
  data: Record<string, unknown>,
  field: string,
): boolean | undefined {
  if (!(field in data)) return undefined;
  const value = data[field] as string | number | boolean;
  if (value === null) {
    errors.add(field, 'This field may not be null.');
    return undefined;
  }
  if (TRUE_VALUES.has(value)) return true;
  if (FALSE_VALUES.has(value)) return false;
  errors.add(field, 'Must be a valid boolean.');
  return undefined;
}
