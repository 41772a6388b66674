// The probe behind src/lib/cors-check.ts, loaded only where the check applies (across origins).
import * as z from 'zod/mini';
import { isApiError } from './api-error';
import type { HttpClient } from './http';

export type CorsDiagnosis = 'errors-readable' | 'errors-hidden' | 'inconclusive';

/** A volume with the zero UUID: Waldur answers 404 with a JSON `detail`, if the answer gets here. */
const PROBE = 'api/openstack-volumes/00000000000000000000000000000000';

export async function diagnoseCors(client: HttpClient): Promise<CorsDiagnosis> {
  try {
    await client.get(PROBE, z.unknown());
    return 'inconclusive';
  } catch (error) {
    if (!isApiError(error)) throw error;
    if (error.isNotFound) return 'errors-readable';
    if (error.kind === 'network') return 'errors-hidden';
    return 'inconclusive';
  }
}
