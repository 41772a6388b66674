// Four instances per tenant; the fourth of each is in an odd state (erred, building, paused…), so
// every instance state the UI must handle exists.
import type { InstanceRecord } from '../db';
import { DAY, FLAVORS, IMAGES, INSTANCE_ROLES, ODD_INSTANCES, ZONED_TENANT } from './catalogue';
import { resourceBase, type SeedContext } from './context';
import type { Organisations } from './organisations';

export function seedInstances(ctx: SeedContext, { tenants }: Organisations): InstanceRecord[] {
  const { random, ago } = ctx;
  const instances: InstanceRecord[] = [];
  tenants.forEach((tenant, t) => {
    for (let j = 0; j < 4; j++) {
      const odd = j === 3 ? ODD_INSTANCES[t]! : null;
      const state = odd?.state ?? 'OK';
      const runtime_state = odd?.runtime_state ?? (j === 1 ? 'SHUTOFF' : 'ACTIVE');
      const flavor = random.pick(FLAVORS);
      const number = String(instances.length + 1).padStart(2, '0');
      const instance: InstanceRecord = {
        ...resourceBase(ctx, tenant, `${INSTANCE_ROLES[j]}-${number}`, state, runtime_state),
        action: odd?.action ?? '',
        availability_zone_name: t === ZONED_TENANT && j === 2 ? 'zone-b' : 'nova',
        image_name: random.pick(IMAGES),
        flavor_name: flavor.name,
        cores: flavor.cores,
        ram: flavor.ram,
        disk: flavor.disk,
        internal_ips: [`10.${t}.0.${10 + j}`],
        external_ips: j === 0 ? [`193.40.${t}.${100 + j}`] : [],
        start_time: state === 'OK' ? ago(DAY, 30 * DAY) : null,
      };
      if (state === 'ERRED') {
        instance.error_message = 'Instance runtime state become erred: ERROR';
      }
      if (state === 'CREATING') instance.backend_id = null;
      instances.push(instance);
    }
  });
  return instances;
}
