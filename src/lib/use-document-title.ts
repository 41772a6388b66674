import { useEffect } from 'react';

export const PRODUCT_NAME = 'Volume console';

/** Each page names itself in the tab (and for screen readers announcing navigation). */
export function useDocumentTitle(title: string | null | undefined) {
  useEffect(() => {
    document.title = title ? `${title} · ${PRODUCT_NAME}` : PRODUCT_NAME;
  }, [title]);
}
