"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * The browser's IANA zone once hydrated, null during the server render and hydration.
 * Anything formatted in the browser's zone or from the browser's clock must wait for it:
 * the server renders in its own zone at its own moment, and a different text on the
 * client is React's hydration error #418.
 */
export function useBrowserZone(): string | null {
  return useSyncExternalStore(
    subscribe,
    () => Intl.DateTimeFormat().resolvedOptions().timeZone,
    () => null,
  );
}
