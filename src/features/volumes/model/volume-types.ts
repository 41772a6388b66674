// Which volume types are offered for a new volume or a retype. Cinder's own `__DEFAULT__` type (and
// any name starting with `__`: Cinder's and operators' internal types) is not something people
// choose; a volume that has one still shows it (cubecos#1443, genestack#393: operators hide it).
import type { VolumeType } from './schemas';

export const isOfferedType = (type: Pick<VolumeType, 'name'>) => !type.name?.startsWith('__');
