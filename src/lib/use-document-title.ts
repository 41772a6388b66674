import { useEffect } from 'react';
import { msg, useT } from './i18n';

/** The console's name (translated where shown). */
export const PRODUCT_NAME = msg('Volume console');

/**
 * Each page names itself in the tab (and for screen readers announcing navigation), in the
 * reader's language: the tab's title follows a language switch.
 */
export function useDocumentTitle(title: string | null | undefined) {
  const t = useT();
  const text = title ? t('{page} · Volume console', { page: title }) : t(PRODUCT_NAME);
  useEffect(() => {
    document.title = text;
  }, [text]);
}
