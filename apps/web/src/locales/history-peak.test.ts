import { createInstance } from 'i18next';
import { toFormatters } from '../i18n/use-formatters';
import ar from './ar.json';
import bn from './bn.json';
import en from './en.json';
import hi from './hi.json';

// An outage's peak is reports per minute (the busiest one-minute bucket): every language says so.
describe('the peak in the outage history', () => {
  it.each([
    ['en', 'peak 66 reports/min'],
    ['bn', 'সর্বোচ্চ প্রতি মিনিটে ৬৬টি রিপোর্ট'],
    ['hi', 'सबसे ज़्यादा 66 रिपोर्टें प्रति मिनट'],
    ['ar', 'الذروة: 66 بلاغًا في الدقيقة'],
  ])('is named as reports per minute in %s', async (language, text) => {
    const i18n = createInstance();
    await i18n.init({
      lng: language,
      resources: { en: { translation: en }, bn: { translation: bn }, hi: { translation: hi }, ar: { translation: ar } },
      interpolation: { escapeValue: false },
      showSupportNotice: false,
    });
    const peakCount = 66;
    expect(i18n.t('history.peak', { count: peakCount, formatted: toFormatters(language).number(peakCount) })).toBe(text);
  });
});
