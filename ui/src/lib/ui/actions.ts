// Small Svelte actions shared by the screens.

/**
 * Puts the cursor in this element once it is on screen, so a clerk can type straight away.
 * Deferred a microtask so that the whole form exists first (focus scrolls it into view).
 */
export function focusOnMount(node: HTMLElement, enabled: boolean = true): void {
  if (enabled) queueMicrotask(() => node.focus());
}

/** Scrolls a message into view when it appears, for errors shown away from the button pressed. */
export function reveal(node: HTMLElement): void {
  queueMicrotask(() => node.scrollIntoView?.({ block: 'nearest' }));
}
