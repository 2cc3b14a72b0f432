import { useEffect, useState } from 'react';
import { API_BASE } from '../../api.js';

/**
 * Counts the changes the server announces on /hits/stream (server-sent events, session cookie)
 * since the page opened. The browser reconnects by itself when the stream drops.
 */
export function useHitStream() {
  const [changes, setChanges] = useState(0);
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource(`${API_BASE}/hits/stream`, { withCredentials: true });
    source.addEventListener('ready', () => setConnected(true));
    source.addEventListener('hits', (event) => {
      let created = 1;
      try {
        const data = JSON.parse((event as MessageEvent<string>).data) as {
          created?: number;
          noLongerMatching?: number;
        };
        created = Math.max(1, (data.created ?? 0) + (data.noLongerMatching ?? 0));
      } catch {
        // a change without counts still counts as one
      }
      setChanges((n) => n + created);
    });
    source.onerror = () => setConnected(false);
    return () => source.close();
  }, []);
  return { changes, connected };
}
