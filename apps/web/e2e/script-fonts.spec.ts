import { expect, test, type Page } from '@playwright/test';

// Bengali and Hindi must be readable on a device without fonts for their scripts (this machine has
// none): every letter of those scripts is drawn by a font that has it, not as an empty box.
const scriptFont = /Bengali|Bangla|Devanagari|Nirmala|Lohit|Kohinoor/;

async function glyphsWithoutScriptFont(page: Page, selector: string): Promise<{ text: string; fromOtherFonts: number; ascii: number }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument');
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
  const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
  const text = (await page.locator(selector).first().textContent()) ?? '';
  await cdp.detach();
  return {
    text,
    fromOtherFonts: fonts.filter((f) => !scriptFont.test(f.familyName)).reduce((n, f) => n + f.glyphCount, 0),
    // Spaces, digits and punctuation may come from any font.
    ascii: [...text].filter((ch) => ch.charCodeAt(0) < 128).length,
  };
}

for (const language of ['bn', 'hi'] as const) {
  test(`${language === 'bn' ? 'Bengali' : 'Hindi'} text is drawn in a font that has its letters, on first load and after switching`, async ({ page }) => {
    await page.addInitScript((lang) => localStorage.setItem('outage-radar.language', lang), language);
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', language);
    await expect(page.locator('.service-card').first()).toBeVisible();
    for (const selector of ['.site-header__brand', '.site-header__nav a', 'h1']) {
      const drawn = await glyphsWithoutScriptFont(page, selector);
      expect({ selector, ...drawn, boxes: drawn.fromOtherFonts > drawn.ascii }).toMatchObject({ boxes: false });
    }

    // From English to the language with the selector, in a new tab (without the script above).
    await page.evaluate(() => localStorage.setItem('outage-radar.language', 'en'));
    const tab = await page.context().newPage();
    await tab.goto('/services/whatsapp');
    await tab.getByLabel('Language').selectOption(language);
    await expect(tab.locator('html')).toHaveAttribute('lang', language);
    await expect(tab.locator('.report-chart__canvas canvas')).toBeVisible();
    for (const selector of ['.site-header__brand', 'h1']) {
      const drawn = await glyphsWithoutScriptFont(tab, selector);
      expect({ selector, ...drawn, boxes: drawn.fromOtherFonts > drawn.ascii }).toMatchObject({ boxes: false });
    }
  });
}
