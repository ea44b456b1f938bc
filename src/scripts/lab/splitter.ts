const LAYOUT_KEY = 'slipway:lab-layout';

/** Step in percent for one arrow key press; Page Up and Page Down move five steps. */
const KEY_STEP = 2;

/** Clamp `value` into `[min, max]`. */
export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** Compute a splitter's new value for a key press, or null for keys it ignores. */
export function valueForKey(key: string, value: number, min: number, max: number, inverted: boolean): number | null {
  const grow = inverted ? -1 : 1;
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
      return clamp(value + KEY_STEP * grow, min, max);
    case 'ArrowLeft':
    case 'ArrowUp':
      return clamp(value - KEY_STEP * grow, min, max);
    case 'PageDown':
      return clamp(value + 5 * KEY_STEP * grow, min, max);
    case 'PageUp':
      return clamp(value - 5 * KEY_STEP * grow, min, max);
    case 'Home':
      return min;
    case 'End':
      return max;
    default:
      return null;
  }
}

/**
 * Make every `[data-splitter]` in `workspace` resize its panel by pointer drag
 * and by arrow keys, and remember the sizes in localStorage.
 */
export function setUpSplitters(workspace: HTMLElement): void {
  const saved = readLayout();

  for (const handle of workspace.querySelectorAll<HTMLElement>('[data-splitter]')) {
    const variable = handle.dataset.splitter ?? '';
    const min = Number(handle.getAttribute('aria-valuemin'));
    const max = Number(handle.getAttribute('aria-valuemax'));
    const inverted = handle.dataset.inverted === 'true';
    const vertical = handle.getAttribute('aria-orientation') === 'vertical';

    const apply = (value: number): void => {
      const rounded = Math.round(clamp(value, min, max));
      workspace.style.setProperty(variable, String(rounded));
      handle.setAttribute('aria-valuenow', String(rounded));
      saved[variable] = rounded;
    };

    const start = saved[variable];
    if (start !== undefined) apply(start);

    handle.addEventListener('keydown', (event) => {
      const current = Number(handle.getAttribute('aria-valuenow'));
      const next = valueForKey(event.key, current, min, max, inverted);
      if (next === null) return;
      event.preventDefault();
      apply(next);
      writeLayout(saved);
    });

    handle.addEventListener('pointerdown', (event) => {
      event.preventDefault();
      handle.setPointerCapture(event.pointerId);
      const box = workspace.getBoundingClientRect();

      const move = (moveEvent: PointerEvent): void => {
        const fraction = vertical
          ? (moveEvent.clientX - box.left) / box.width
          : (moveEvent.clientY - box.top) / box.height;
        apply((inverted ? 1 - fraction : fraction) * 100);
      };
      const stop = (): void => {
        handle.removeEventListener('pointermove', move);
        handle.removeEventListener('pointerup', stop);
        handle.removeEventListener('pointercancel', stop);
        writeLayout(saved);
      };
      handle.addEventListener('pointermove', move);
      handle.addEventListener('pointerup', stop);
      handle.addEventListener('pointercancel', stop);
    });
  }
}

function readLayout(): Record<string, number> {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(LAYOUT_KEY) ?? '{}');
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, number>) : {};
  } catch {
    // A damaged layout entry only costs the learner their panel sizes.
    return {};
  }
}

function writeLayout(layout: Record<string, number>): void {
  try {
    localStorage.setItem(LAYOUT_KEY, JSON.stringify(layout));
  } catch {
    // Storage can be full or disabled; the layout then lasts for this page only.
  }
}
