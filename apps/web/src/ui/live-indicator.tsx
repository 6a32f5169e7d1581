import { useTranslation } from 'react-i18next';
import { useConnectionState } from '../realtime/use-connection-state';

/** "Live" while updates flow, "Reconnecting…" while socket.io is trying again. */
export function LiveIndicator() {
  const { t } = useTranslation();
  const state = useConnectionState();
  return (
    <span className={`live-indicator live-indicator--${state}`} role="status">
      <span className="live-indicator__dot" aria-hidden="true" />
      {state === 'live' ? t('live.connected') : t('live.reconnecting')}
    </span>
  );
}
