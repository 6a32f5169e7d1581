import type { ProblemShare } from '@outage-radar/shared';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../i18n/use-formatters';

/** What people say is broken, as shares of the problem reports. */
export function ProblemBreakdown({ shares }: { shares: readonly ProblemShare[] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const id = useId();
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{t('breakdown.title')}</h2>
      {shares.length === 0 ? (
        <p className="empty">{t('breakdown.empty')}</p>
      ) : (
        <ul className="bars">
          {shares.map((share) => (
            <li key={share.problem} className="bars__row">
              <span className="bars__label">{t(`problems.${share.problem}`, { defaultValue: share.problem })}</span>
              <span className="bars__value">{format.percent(share.percent)}</span>
              <span className="bars__track" aria-hidden="true">
                <span className="bars__fill" style={{ inlineSize: `${Math.min(100, share.percent)}%` }} />
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
