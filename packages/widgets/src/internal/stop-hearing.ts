/** Calls a store's unsubscribe: a host's store whose unsubscribe throws cannot throw into the page from here. */
export function stopHearing(unsubscribe: (() => void) | undefined): void {
  try {
    unsubscribe?.();
  } catch {
    // nothing more to do: the store is dropped either way
  }
}
