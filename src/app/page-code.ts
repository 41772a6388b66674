// The pages' code, each its own chunk. The list page is not in the app's first chunk, so that the
// sign-in page of a deployment (and a volume's page) does not download it; where it is the page
// being opened, boot starts its download together with its data (./prefetch), in parallel with the
// app chunk, and the route renders it directly once it is here.
import type { ComponentType } from 'react';

let listPage: ComponentType | null = null;

export const loadListPage = () =>
  import('@/features/volumes/pages/volume-list-page').then((m) => {
    listPage = m.VolumeListPage;
    return { default: m.VolumeListPage };
  });

/** The list page, once its code is here; null before. */
export const loadedListPage = () => listPage;
