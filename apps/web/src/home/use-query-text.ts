import { useState } from 'react';

interface SearchText {
  /** What the input shows: always the latest keystroke. */
  text: string;
  /** The URL's value when last seen. */
  url: string;
  /** Values written to the URL that it has not shown yet, oldest first. */
  pending: string[];
}

/**
 * Text typed into an input and mirrored into the URL (`?q=`), so searches can be shared and survive
 * a reload. The router applies URL changes in a transition, behind the keystrokes: an input bound to
 * the URL alone would be reset to an older value and lose letters typed quickly. So the input keeps
 * its own text, and takes the URL's only when someone navigated (a link, back or forward).
 */
export function useQueryText(urlValue: string, writeUrl: (value: string) => void): [string, (value: string) => void] {
  const [state, setState] = useState<SearchText>({ text: urlValue, url: urlValue, pending: [] });
  let current = state;
  if (urlValue !== state.url) {
    const caughtUp = state.pending.indexOf(urlValue);
    current = caughtUp >= 0 ? { text: state.text, url: urlValue, pending: state.pending.slice(caughtUp + 1) } : { text: urlValue, url: urlValue, pending: [] };
    setState(current);
  }
  const setText = (value: string) => {
    setState((s) => ({ ...s, text: value, pending: [...s.pending, value] }));
    writeUrl(value);
  };
  return [current.text, setText];
}
