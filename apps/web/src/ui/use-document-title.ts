import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets the tab title to "<page> · Outage Radar" in the reader's language. */
export function useDocumentTitle(page: string | null): void {
  const { t } = useTranslation();
  const appName = t('app.name');
  useEffect(() => {
    document.title = page ? t('app.pageTitle', { page, app: appName }) : appName;
  }, [page, appName, t]);
}
