import { useState } from 'react';

const storageKey = 'outage-radar.share-location';

function read(): boolean {
  try {
    return localStorage.getItem(storageKey) === 'yes';
  } catch {
    return false;
  }
}

/** Whether the reader lets reports carry their rough location; remembered, off until they say so. */
export function useShareLocation(): [boolean, (share: boolean) => void] {
  const [share, setShare] = useState(read);
  return [
    share,
    (next) => {
      setShare(next);
      try {
        localStorage.setItem(storageKey, next ? 'yes' : 'no');
      } catch {
        // Private mode: the choice lasts for this page only.
      }
    },
  ];
}
