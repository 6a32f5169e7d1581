import { workingKey, type ServiceDetail } from '@outage-radar/shared';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiClient } from '../api/api-client';
import { useFormatters } from '../i18n/use-formatters';
import { getPosition } from './get-position';
import { toReportErrorMessage } from './to-report-error-message';
import { useShareLocation } from './use-share-location';

type Step =
  | { kind: 'idle' }
  | { kind: 'locating' | 'sending'; problem: string }
  | { kind: 'sent'; problem: string; countBefore: number }
  | { kind: 'failed'; problem: string; message: string; alreadyCounted: boolean };

/** "I have a problem" in two clicks, and "it works for me" in one; counts follow live. */
export function ReportPanel({ detail, name }: { detail: ServiceDetail; name: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const id = useId();
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [shareLocation, setShareLocation] = useShareLocation();
  const busy = step.kind === 'locating' || step.kind === 'sending';

  const send = async (problem: string) => {
    const countBefore = problem === workingKey ? detail.workingLastHour : detail.reportsLastHour;
    let location;
    if (shareLocation && problem !== workingKey) {
      setStep({ kind: 'locating', problem });
      location = await getPosition();
    }
    setStep({ kind: 'sending', problem });
    try {
      await apiClient.postReport({ service: detail.slug, problem, ...(location ? { location } : {}) });
      setStep({ kind: 'sent', problem, countBefore });
    } catch (error) {
      const { text, alreadyCounted } = toReportErrorMessage(error, t);
      setStep({ kind: 'failed', problem, message: text, alreadyCounted });
    }
  };

  const live = (problem: string, countBefore: number) => {
    // The count moves once the worker has counted the report; until then include it ourselves.
    const count = Math.max(problem === workingKey ? detail.workingLastHour : detail.reportsLastHour, countBefore + 1);
    const formatted = format.number(count);
    return problem === workingKey ? t('report.thanksWorking', { count, formatted }) : t('report.thanks', { count, formatted });
  };

  return (
    <section className="card report-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('report.title', { name })}</h2>
      <p id={`${id}-pick`} className="report-panel__hint">
        {t('report.pick')}
      </p>
      <div className="report-panel__problems" role="group" aria-labelledby={`${id}-pick`}>
        {detail.problems.map((problem) => (
          <button
            key={problem}
            type="button"
            className="button button--problem"
            disabled={busy}
            aria-busy={busy && 'problem' in step && step.problem === problem}
            onClick={() => void send(problem)}
          >
            {t(`problems.${problem}`)}
          </button>
        ))}
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={shareLocation} onChange={(event) => setShareLocation(event.target.checked)} />
        <span>
          {t('report.shareLocation')}
          <small>{t('report.shareLocationHint')}</small>
        </span>
      </label>

      <div className="report-panel__working">
        <button type="button" className="button button--working" disabled={busy} onClick={() => void send(workingKey)}>
          <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
            <path d="M3 8.5l3.2 3.2L13 4.8" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
          {t('report.worksForMe')}
        </button>
        <p className="report-panel__tally">
          <span>{t('report.tallyProblems', { count: detail.reportsLastHour, formatted: format.number(detail.reportsLastHour) })}</span>
          <span>{t('report.tallyWorking', { count: detail.workingLastHour, formatted: format.number(detail.workingLastHour) })}</span>
          {/* Said openly, so that a flood we discounted is not mistaken for a quiet service. */}
          {detail.filteredLastDay > 0 && (
            <span className="report-panel__filtered">
              {t('report.tallyFiltered', { count: detail.filteredLastDay, formatted: format.number(detail.filteredLastDay) })}
            </span>
          )}
        </p>
      </div>

      <div className="report-panel__outcome" role="status" aria-live="polite">
        {step.kind === 'locating' && <p>{t('report.locating')}</p>}
        {step.kind === 'sending' && <p>{t('report.sending')}</p>}
        {step.kind === 'sent' && <p className="notice notice--success">{live(step.problem, step.countBefore)}</p>}
        {step.kind === 'failed' && <p className={step.alreadyCounted ? 'notice notice--info' : 'notice notice--error'}>{step.message}</p>}
      </div>
    </section>
  );
}
