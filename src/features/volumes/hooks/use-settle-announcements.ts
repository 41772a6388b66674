import { useEffect, useRef } from 'react';
import { announce } from '@/lib/announcer';
import type { Volume } from '../model/schemas';
import { isInProgress, stateLabel } from '../model/states';

/**
 * Tells screen-reader users when a volume they are looking at finishes: it was in progress at the
 * last refresh and is now OK or ERRED.
 */
export function useSettleAnnouncements(volumes: Volume[] | undefined) {
  const previous = useRef(new Map<string, boolean>());
  useEffect(() => {
    if (!volumes) return;
    const next = new Map<string, boolean>();
    const settled: string[] = [];
    for (const volume of volumes) {
      const transitional = isInProgress(volume);
      next.set(volume.uuid, transitional);
      if (previous.current.get(volume.uuid) === true && !transitional) {
        settled.push(`${volume.name || volume.uuid} is now ${stateLabel(volume.state)}`);
      }
    }
    previous.current = next;
    if (settled.length > 0)
      announce(
        settled.join('. '),
        settled.some((s) => s.endsWith('Erred')) ? 'assertive' : 'polite',
      );
  }, [volumes]);
}
