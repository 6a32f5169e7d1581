import type { OutageView } from '@outage-radar/shared';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiClient } from '../api/api-client';
import { useFormatters } from '../i18n/use-formatters';
import { LoadError } from '../ui/load-error';
import { Loading } from '../ui/loading';
import { useRegionLabel } from '../ui/use-region-label';
import { mergeCurrentOutage } from './merge-current-outage';

const historyDays = 90;

/**
 * Past outages of the service over 90 days, newest first; `revision` changes when one opens or
 * closes, and the ongoing one is shown as `current` has it (its peak grows between the two).
 */
export function OutageHistory({ slug, revision, current }: { slug: string; revision: string; current: OutageView | null }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const regionLabel = useRegionLabel();
  const id = useId();
  const [outages, setOutages] = useState<OutageView[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const shown = outages && mergeCurrentOutage(outages, current);

  useEffect(() => {
    const abort = new AbortController();
    apiClient.serviceOutages(slug, historyDays, abort.signal).then(
      (list) => {
        setOutages([...list].sort((a, b) => Date.parse(b.startedAt) - Date.parse(a.startedAt)));
        setFailed(false);
      },
      () => {
        if (!abort.signal.aborted) setFailed(true);
      },
    );
    return () => abort.abort();
  }, [slug, revision, attempt]);

  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{t('history.title', { days: format.number(historyDays) })}</h2>
      {failed && !outages && <LoadError onRetry={() => setAttempt((n) => n + 1)} />}
      {!failed && !outages && <Loading />}
      {shown && shown.length === 0 && <p className="empty">{t('history.empty')}</p>}
      {shown && shown.length > 0 && (
        <ol className="history">
          {shown.map((outage) => {
            const top = outage.problemMix[0];
            return (
              <li key={outage.id} className="history__item">
                <p className="history__when">
                  <time dateTime={outage.startedAt}>{format.dateTime(outage.startedAt)}</time>
                  <span>
                    {outage.resolvedAt
                      ? t('history.lasted', { duration: format.durationMs(Date.parse(outage.resolvedAt) - Date.parse(outage.startedAt)) })
                      : t('history.ongoing')}
                  </span>
                </p>
                <p className="history__facts">
                  <span>{regionLabel(outage.region)}</span>
                  <span>{t('history.peak', { count: outage.peakCount, formatted: format.number(outage.peakCount) })}</span>
                  {top && <span>{t('history.topProblem', { problem: t(`problems.${top.problem}`, { defaultValue: top.problem }) })}</span>}
                </p>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
