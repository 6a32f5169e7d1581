// Arabic letters that are written several ways, and Persian/Urdu forms people type for Arabic ones.
const arabicFolds: Record<string, string> = {
  أ: 'ا',
  إ: 'ا',
  آ: 'ا',
  ٱ: 'ا',
  ى: 'ي',
  ی: 'ي',
  ئ: 'ي',
  ة: 'ه',
  ؤ: 'و',
  پ: 'ب',
  گ: 'ك',
  ک: 'ك',
  ڤ: 'ف',
};
const arabicFoldPattern = new RegExp(`[${Object.keys(arabicFolds).join('')}]`, 'g');

/**
 * Folds text for search: case, compatibility forms, Latin accents, Arabic vowel marks and letter
 * variants, the Arabic article, joiners; spaces and punctuation go, so "whats app" = "WhatsApp".
 */
export function normalizeSearchText(text: string): string {
  const folded = text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[\u0300-\u036f]/g, '') // Latin combining accents
    .replace(/[\u064b-\u065f\u0670\u0640]/g, '') // Arabic harakat, superscript alef, tatweel
    .replace(arabicFoldPattern, (c) => arabicFolds[c] ?? c)
    .replace(/[\u200c\u200d]/g, '');
  return folded
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .map((word) => (word.startsWith('ال') && word.length > 4 ? word.slice(2) : word))
    .join('');
}

/**
 * The consonant skeleton: `normalizeSearchText` without vowel signs, viramas and nuktas, so the
 * many spellings of a borrowed name in Bengali or Devanagari ("হোয়াটসঅ্যাপ", "হোয়াটস অ্যাপ") meet.
 */
export function toSearchSkeleton(normalized: string): string {
  return normalized.replace(/\p{M}/gu, '');
}
