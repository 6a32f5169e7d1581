import type { ServiceDetail } from '@outage-radar/shared';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../i18n/use-formatters';
import { StatusIcon } from '../ui/status-icon';
import { useNow } from '../ui/use-now';

const dayMs = 24 * 60 * 60_000;

/** The one sentence people came for, with its icon; announced when it changes. */
export function StatusSentence({ detail, name }: { detail: ServiceDetail; name: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const nowMs = useNow();
  const since = detail.outageSince ?? detail.currentOutage?.startedAt ?? null;
  const when = since ? (nowMs - Date.parse(since) < dayMs ? format.time(since) : format.dateTime(since)) : null;

  let sentence: string;
  if (detail.status === 'problems') sentence = when ? t('service.status.problemsSince', { name, time: when }) : t('service.status.problems', { name });
  else if (detail.status === 'possible') sentence = t('service.status.possible', { name });
  else sentence = t('service.status.ok', { name });

  return (
    <p className={`status-sentence status-sentence--${detail.status}`} role="status" aria-live="polite">
      <StatusIcon status={detail.status} size={22} />
      <span>{sentence}</span>
    </p>
  );
}
