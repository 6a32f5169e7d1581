import { useMemo } from 'react';
import { useLocale } from './use-locale';

export interface Formatters {
  number: (value: number) => string;
  /** `percent` is 0..100. */
  percent: (percent: number) => string;
  time: (iso: string | number) => string;
  dateTime: (iso: string | number) => string;
  date: (iso: string | number) => string;
  /** "5 minutes ago", "in 2 hours": relative to now. */
  relative: (iso: string | number, nowMs: number) => string;
  durationMs: (ms: number) => string;
  country: (code: string) => string;
  compare: (a: string, b: string) => number;
  /** "A, B and C" in the reader's language. */
  list: (items: string[]) => string;
}

const minuteMs = 60_000;

/**
 * The browser's own tag for the chosen language when it has one ("ar-EG" rather than "ar"), so
 * digits and date order follow the reader's region as well as their language.
 */
export function toIntlLocale(language: string): string {
  const regional = navigator.languages.find((tag) => tag.toLowerCase().split('-')[0] === language);
  return regional ?? language;
}

/** Numbers, dates and names in the reader's locale and time zone, all through `Intl`. */
export function useFormatters(): Formatters {
  const locale = useLocale();
  return useMemo(() => toFormatters(toIntlLocale(locale)), [locale]);
}

export function toFormatters(locale: string): Formatters {
  const number = new Intl.NumberFormat(locale);
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const time = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' });
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const hours = new Intl.NumberFormat(locale, { style: 'unit', unit: 'hour', unitDisplay: 'short' });
  const minutes = new Intl.NumberFormat(locale, { style: 'unit', unit: 'minute', unitDisplay: 'short' });
  const units = new Intl.ListFormat(locale, { style: 'narrow', type: 'unit' });
  const regions = new Intl.DisplayNames(locale, { type: 'region', fallback: 'code' });
  const collator = new Intl.Collator(locale, { sensitivity: 'base' });
  const conjunction = new Intl.ListFormat(locale, { type: 'conjunction' });
  const toDate = (value: string | number) => new Date(value);

  return {
    number: (value) => number.format(value),
    percent: (value) => percent.format(value / 100),
    time: (value) => time.format(toDate(value)),
    dateTime: (value) => dateTime.format(toDate(value)),
    date: (value) => date.format(toDate(value)),
    relative: (value, nowMs) => {
      const diffMinutes = Math.round((toDate(value).getTime() - nowMs) / minuteMs);
      if (Math.abs(diffMinutes) < 60) return relative.format(diffMinutes, 'minute');
      const diffHours = Math.round(diffMinutes / 60);
      if (Math.abs(diffHours) < 48) return relative.format(diffHours, 'hour');
      return relative.format(Math.round(diffHours / 24), 'day');
    },
    durationMs: (ms) => {
      const total = Math.max(1, Math.round(ms / minuteMs));
      const h = Math.floor(total / 60);
      const m = total % 60;
      const parts = [];
      if (h > 0) parts.push(hours.format(h));
      if (m > 0 || h === 0) parts.push(minutes.format(m));
      return units.format(parts);
    },
    country: (code) => {
      try {
        return regions.of(code) ?? code;
      } catch {
        return code;
      }
    },
    compare: (a, b) => collator.compare(a, b),
    list: (items) => conjunction.format(items),
  };
}
