import type { IncidentView, OutageView } from '@outage-radar/shared';
import { useId } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../i18n/use-formatters';
import { useServiceName } from '../services/use-service-name';
import { Loading } from '../ui/loading';
import { StatusIcon } from '../ui/status-icon';
import { useNow } from '../ui/use-now';
import { useRegionLabel } from '../ui/use-region-label';

type Entry = { kind: 'incident'; incident: IncidentView; outages: OutageView[]; startedAt: string } | { kind: 'outage'; outage: OutageView; startedAt: string };

function toEntries(outages: readonly OutageView[], incidents: readonly IncidentView[]): Entry[] {
  const grouped = new Set<string>();
  const entries: Entry[] = incidents.map((incident) => {
    const members = outages.filter((o) => incident.outageIds.includes(o.id) || o.incidentId === incident.id);
    for (const o of members) grouped.add(o.id);
    return { kind: 'incident', incident, outages: members, startedAt: incident.startedAt };
  });
  for (const outage of outages) if (!grouped.has(outage.id)) entries.push({ kind: 'outage', outage, startedAt: outage.startedAt });
  return entries.sort((a, b) => Date.parse(b.startedAt) - Date.parse(a.startedAt));
}

interface Props {
  outages: readonly OutageView[];
  incidents: readonly IncidentView[];
  onShow: (outages: readonly OutageView[]) => void;
  /** False until the first list or snapshot has arrived. */
  loaded: boolean;
}

/** Current outages and incidents, newest first; each can be found on the map. */
export function OutageList({ outages, incidents, onShow, loaded }: Props) {
  const { t } = useTranslation();
  const format = useFormatters();
  const nameOf = useServiceName();
  const regionLabel = useRegionLabel();
  const nowMs = useNow();
  const id = useId();
  const entries = toEntries(outages, incidents);

  const renderOutage = (outage: OutageView) => {
    const name = nameOf(outage.service, outage.serviceName);
    const top = outage.problemMix[0];
    return (
      <article className={`outage-item outage-item--${outage.status}`} aria-label={name}>
        <h3 className="outage-item__title">
          <StatusIcon status={outage.status} />
          <Link to={`/services/${outage.service}`}>{name}</Link>
          <span className="outage-item__status">{t(`status.${outage.status}`)}</span>
        </h3>
        <p className="outage-item__facts">
          <span>
            {t('map.list.since', { time: format.time(outage.startedAt) })} <small>({format.relative(outage.startedAt, nowMs)})</small>
          </span>
          <span>{regionLabel(outage.region)}</span>
          <span>{t('map.list.reports', { count: outage.reportsLastHour, formatted: format.number(outage.reportsLastHour) })}</span>
          {top && <span>{t('map.list.topProblem', { problem: t(`problems.${top.problem}`, { defaultValue: top.problem }) })}</span>}
        </p>
        {outage.clusters.length > 0 && (
          <button type="button" className="button button--quiet button--small" onClick={() => onShow([outage])}>
            {t('map.list.showOnMap', { name })}
          </button>
        )}
      </article>
    );
  };

  return (
    <section className="outage-list" aria-labelledby={id}>
      <h2 id={id}>{t('map.list.title', { count: outages.length, formatted: format.number(outages.length) })}</h2>
      {!loaded ? (
        <Loading />
      ) : entries.length === 0 ? (
        <p className="empty">{t('map.list.empty')}</p>
      ) : (
        <ol className="outage-list__items">
          {entries.map((entry) =>
            entry.kind === 'outage' ? (
              <li key={entry.outage.id}>{renderOutage(entry.outage)}</li>
            ) : (
              <li key={entry.incident.id} className="incident">
                <div className="incident__head">
                  <h3>{entry.incident.owner ? t('map.list.incidentOf', { owner: entry.incident.owner }) : entry.incident.name}</h3>
                  <p>
                    {t('map.list.incidentSummary', {
                      services: format.list(entry.incident.services.map((slug) => nameOf(slug))),
                      time: format.time(entry.incident.startedAt),
                    })}
                  </p>
                  {entry.outages.some((o) => o.clusters.length > 0) && (
                    <button type="button" className="button button--quiet button--small" onClick={() => onShow(entry.outages)}>
                      {t('map.list.showIncident')}
                    </button>
                  )}
                </div>
                {entry.outages.length > 0 && (
                  <ol className="incident__outages">
                    {entry.outages.map((outage) => (
                      <li key={outage.id}>{renderOutage(outage)}</li>
                    ))}
                  </ol>
                )}
              </li>
            ),
          )}
        </ol>
      )}
    </section>
  );
}
