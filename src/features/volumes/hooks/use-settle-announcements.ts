import { useEffect, useRef } from 'react';
import { announce } from '@/lib/announcer';
import { t } from '@/lib/i18n';
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
    let erred = false;
    for (const volume of volumes) {
      const transitional = isInProgress(volume);
      next.set(volume.uuid, transitional);
      if (previous.current.get(volume.uuid) === true && !transitional) {
        // One sentence per volume, in the language of the moment.
        settled.push(
          t('{name} is now {state}.', {
            name: volume.name || volume.uuid,
            state: stateLabel(volume.state),
          }),
        );
        if (volume.state === 'ERRED') erred = true;
      }
    }
    previous.current = next;
    if (settled.length > 0) announce(settled.join(' '), erred ? 'assertive' : 'polite');
  }, [volumes]);
}
