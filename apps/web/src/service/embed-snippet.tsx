import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The one line a site owner pastes to show this service's live status. */
export function EmbedSnippet({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const id = useId();
  const [copied, setCopied] = useState<boolean | null>(null);
  const snippet = `<script src="${window.location.origin}/widget.js" data-service="${slug}" async></script>`;

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(snippet);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };

  return (
    <section className="card embed" aria-labelledby={id}>
      <h2 id={id}>{t('embed.title')}</h2>
      <p>{t('embed.body')}</p>
      <pre className="embed__code" dir="ltr" tabIndex={0} aria-label={t('embed.codeLabel')}>
        <code>{snippet}</code>
      </pre>
      <div className="embed__actions">
        <button type="button" className="button" onClick={() => void copy()}>
          {t('embed.copy')}
        </button>
        <a href={`/embed/${slug}`} target="_blank" rel="noopener">
          {t('embed.preview')}
        </a>
        <span role="status" aria-live="polite">
          {copied === true && t('embed.copied')}
          {copied === false && t('embed.copyFailed')}
        </span>
      </div>
    </section>
  );
}
