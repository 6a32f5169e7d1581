import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n/use-locale';
import { NotFoundPage } from '../layout/not-found-page';
import { toLocalName } from '../services/to-local-name';
import { LiveIndicator } from '../ui/live-indicator';
import { LoadError } from '../ui/load-error';
import { Loading } from '../ui/loading';
import { StatusBadge } from '../ui/status-badge';
import { useDocumentTitle } from '../ui/use-document-title';
import { ChartSection } from './chart-section';
import { EmbedSnippet } from './embed-snippet';
import { OutageHistory } from './outage-history';
import { ProblemBreakdown } from './problem-breakdown';
import { RelatedServices } from './related-services';
import { ReportPanel } from './report-panel';
import { StatusSentence } from './status-sentence';
import { TopLocations } from './top-locations';
import { useServiceDetail } from './use-service-detail';
import '../styles/service.css';

export function ServicePage() {
  const { slug = '' } = useParams();
  const { t } = useTranslation();
  const locale = useLocale();
  const state = useServiceDetail(slug);
  const name = state.kind === 'ready' ? toLocalName(state.detail, locale) : null;
  useDocumentTitle(name ? t('service.pageTitle', { name }) : null);

  if (state.kind === 'not-found') return <NotFoundPage message={t('service.notFound', { slug })} />;
  if (state.kind === 'error') return <LoadError onRetry={state.reload} />;
  if (state.kind === 'loading' || !name) return <Loading />;

  const { detail } = state;
  const outageRevision = `${detail.currentOutage?.id ?? ''}:${detail.currentOutage?.resolvedAt ?? ''}:${detail.status}`;
  return (
    <article className="page service">
      <header className="service__head">
        <div className="service__title">
          <h1>{t('service.heading', { name })}</h1>
          <StatusBadge status={detail.status} />
          <LiveIndicator />
        </div>
        <StatusSentence detail={detail} name={name} />
        <p className="service__meta">
          {t(`categories.${detail.category}`)} · {detail.owner}
          {detail.website && (
            <>
              {' · '}
              <a href={detail.website} rel="noopener nofollow" target="_blank">
                {t('service.website')}
              </a>
            </>
          )}
        </p>
      </header>
      <div className="service__grid">
        <div className="service__main">
          <ReportPanel detail={detail} name={name} />
          <ChartSection detail={detail} />
          <OutageHistory slug={detail.slug} revision={outageRevision} current={detail.currentOutage} />
        </div>
        <div className="service__side">
          <ProblemBreakdown shares={detail.problemBreakdown} />
          <TopLocations locations={detail.topLocations} />
          <RelatedServices related={detail.related} owner={detail.owner} />
          <EmbedSnippet slug={detail.slug} />
        </div>
      </div>
    </article>
  );
}
