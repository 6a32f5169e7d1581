import type { ServiceStatus } from '@outage-radar/shared';
import { useTranslation } from 'react-i18next';
import { StatusIcon } from './status-icon';

/** Icon and words for a service's status. */
export function StatusBadge({ status }: { status: ServiceStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`status-badge status-badge--${status}`}>
      <StatusIcon status={status} />
      <span>{t(`status.${status}`)}</span>
    </span>
  );
}
