import { formatInteger } from './format';
import { t } from './i18n';

/** Waldur stores volume sizes in MiB; people think in GiB. */
export const MIB_PER_GIB = 1024;

export function gibToMib(gib: number) {
  return Math.round(gib * MIB_PER_GIB);
}

/** "10 GiB", or "1,536 MiB" when the size is not a whole number of GiB (numbers and units localised). */
export function formatSize(mib: number | null | undefined): string {
  const value = mib ?? Number.NaN;
  if (!Number.isFinite(value)) return '—';
  if (value % MIB_PER_GIB === 0)
    return t('{size} GiB', { size: formatInteger(value / MIB_PER_GIB) });
  return t('{size} MiB', { size: formatInteger(value) });
}

/**
 * The smallest size the backend accepts for extend, in whole GiB: it requires at least the current
 * size plus 1024 MiB. (Rounding the current size first, as some UIs do, can give a value it rejects.)
 */
export function minimumExtendGib(currentMib: number) {
  return Math.ceil((currentMib + MIB_PER_GIB) / MIB_PER_GIB);
}
