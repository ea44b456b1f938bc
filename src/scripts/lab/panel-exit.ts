const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * Let Tab leave a panel whose content keeps Tab for itself (the editor indents,
 * the terminal completes). Escape inside the content focuses the panel; Tab
 * on the focused panel then skips past its content to the next focusable
 * element, and Shift+Tab goes back as usual.
 */
export function setUpPanelExit(panel: HTMLElement): void {
  panel.addEventListener('keydown', (event) => {
    if (event.target !== panel || event.key !== 'Tab' || event.shiftKey) return;
    const next = nextFocusableAfter(panel);
    if (next === null) return;
    event.preventDefault();
    next.focus();
  });
}

/** Find the first visible focusable element after `element` in document order, outside it. */
function nextFocusableAfter(element: HTMLElement): HTMLElement | null {
  for (const candidate of document.querySelectorAll<HTMLElement>(FOCUSABLE)) {
    if (element.contains(candidate)) continue;
    const after = element.compareDocumentPosition(candidate) & Node.DOCUMENT_POSITION_FOLLOWING;
    if (after !== 0 && candidate.offsetParent !== null) return candidate;
  }
  return null;
}
