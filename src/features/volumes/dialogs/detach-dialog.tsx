import type { ReactNode } from 'react';
import * as z from 'zod/mini';
import { T, useT } from '@/lib/i18n';
import type { Volume } from '../model/schemas';
import { ActionDialog } from './action-dialog';
import { useActionDialog } from './use-action-dialog';

const schema = z.object({});

/** A confirmation that names the instance. */
export function DetachDialog({ volume, onClose }: { volume: Volume; onClose: () => void }) {
  const t = useT();
  const { submitAction, frame } = useActionDialog({
    volume,
    action: 'detach',
    schema,
    defaults: {},
    onClose,
  });
  const instance = volume.instance_name;
  const name = volume.name;
  const device = volume.device ? <bdi className="mono">{volume.device}</bdi> : null;
  const strong = { b: (c: ReactNode) => <strong>{c}</strong> };
  return (
    <ActionDialog
      {...frame}
      title={
        instance
          ? name
            ? t('Detach {name} from {instance}?', { name, instance })
            : t('Detach volume from {instance}?', { instance })
          : name
            ? t('Detach {name} from its instance?', { name })
            : t('Detach volume from its instance?')
      }
      submitLabel={t('Detach')}
      onSubmit={submitAction(
        () => ({ action: 'detach' }),
        () =>
          instance
            ? t('Detach of {name} from {instance} scheduled', { name, instance })
            : t('Detach of {name} from its instance scheduled', { name }),
      )}
    >
      <p>
        {device ? (
          instance ? (
            <T
              m="{name} ({device}) will be detached from <b>{instance}</b>. Unmount it inside the instance first: detaching a disk in use can lose data that was not yet written."
              v={{ name, device, instance }}
              tags={strong}
            />
          ) : (
            <T
              m="{name} ({device}) will be detached from <b>its instance</b>. Unmount it inside the instance first: detaching a disk in use can lose data that was not yet written."
              v={{ name, device }}
              tags={strong}
            />
          )
        ) : instance ? (
          <T
            m="{name} (no device recorded) will be detached from <b>{instance}</b>. Unmount it inside the instance first: detaching a disk in use can lose data that was not yet written."
            v={{ name, instance }}
            tags={strong}
          />
        ) : (
          <T
            m="{name} (no device recorded) will be detached from <b>its instance</b>. Unmount it inside the instance first: detaching a disk in use can lose data that was not yet written."
            v={{ name }}
            tags={strong}
          />
        )}
      </p>
    </ActionDialog>
  );
}
