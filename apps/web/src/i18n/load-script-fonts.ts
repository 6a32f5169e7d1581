// The Bengali and Devanagari faces the app ships (see main.tsx), with a letter of each script.
const faces: Record<string, { family: string; sample: string }> = {
  bn: { family: 'Noto Sans Bengali', sample: 'অ' },
  hi: { family: 'Noto Sans Devanagari', sample: 'अ' },
};

/** Never hold a page back longer than this for a font: past it, text shows in whatever font is there. */
const maxWaitMs = 2000;

/**
 * Loads the shipped face of a language's script before its text is first laid out. Chromium keeps
 * the fallback font it chose for text laid out while a web font was still loading (boxes where a
 * device has no font of its own), so the faces are fetched before the language is switched to.
 * Resolves at once where the device does not need them or the language needs none.
 */
export function loadScriptFonts(language: string): Promise<void> {
  const face = faces[language];
  if (!face || typeof document === 'undefined' || !('fonts' in document)) return Promise.resolve();
  const loads = ['400', '700'].map((weight) => document.fonts.load(`${weight} 1em "${face.family}"`, face.sample));
  return Promise.race([Promise.allSettled(loads).then(() => undefined), new Promise<void>((resolve) => setTimeout(resolve, maxWaitMs))]);
}
