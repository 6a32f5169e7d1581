import type { Socket } from 'socket.io';
import { createTokenBucket } from './token-bucket';

export interface SocketMessageLimits {
  /** Messages a socket may send at once. */
  burst: number;
  /** Messages a second it may keep sending. */
  perSecond: number;
  /** Dropped messages (forgiven at one a second) after which the socket is disconnected. */
  dropsBeforeDisconnect: number;
}

/** A page sends a few messages when it opens (map:watch, service:watch); nothing honest sends more. */
export const defaultSocketMessageLimits: SocketMessageLimits = { burst: 10, perSecond: 5, dropsBeforeDisconnect: 50 };

/**
 * Limits what one socket may send: messages beyond a token bucket are dropped before any handler
 * runs, and a socket that goes on sending past the limit is disconnected (`onFlood` is told once).
 */
export function limitSocketMessages(socket: Socket, options: { limits?: SocketMessageLimits; now?: () => number; onFlood?: () => void } = {}): void {
  const limits = options.limits ?? defaultSocketMessageLimits;
  const messages = createTokenBucket({ burst: limits.burst, perSecond: limits.perSecond, now: options.now });
  const drops = createTokenBucket({ burst: limits.dropsBeforeDisconnect, perSecond: 1, now: options.now });
  socket.use((_packet, next) => {
    if (messages.take()) {
      next();
      return;
    }
    // Not calling next() drops the message; frames already read after a disconnect are dropped too.
    if (drops.take() || socket.disconnected) return;
    options.onFlood?.();
    socket.disconnect(true);
  });
}
