import type { ServiceStatus } from '@outage-radar/shared';

/** A shape per status, so status never rests on colour alone; the caller supplies the words. */
export function StatusIcon({ status, size = 16 }: { status: ServiceStatus; size?: number }) {
  return (
    <svg className={`status-icon status-icon--${status}`} width={size} height={size} viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      {status === 'ok' && (
        <>
          <circle cx="8" cy="8" r="7.5" fill="currentColor" />
          <path d="M4.5 8.2l2.3 2.3 4.7-4.8" fill="none" stroke="#fff" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
        </>
      )}
      {status === 'possible' && (
        <>
          <path d="M8 .8l7.4 13.4H.6z" fill="currentColor" strokeLinejoin="round" />
          <path d="M8 5.5v4" stroke="#fff" strokeWidth="1.8" strokeLinecap="round" />
          <circle cx="8" cy="11.9" r="1" fill="#fff" />
        </>
      )}
      {status === 'problems' && (
        <>
          <path d="M5 .5h6L15.5 5v6L11 15.5H5L.5 11V5z" fill="currentColor" />
          <path d="M5.4 5.4l5.2 5.2M10.6 5.4l-5.2 5.2" stroke="#fff" strokeWidth="1.8" strokeLinecap="round" />
        </>
      )}
    </svg>
  );
}
