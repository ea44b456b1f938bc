/**
 * Render the lab's files as an ARIA tree of treeitems with a roving tab stop:
 * Tab reaches the open file, Up and Down move, Home and End jump, Enter or
 * Space (or a click) opens.
 */
export function renderFileTree(tree: HTMLElement, paths: readonly string[], openPath: string | null, onOpen: (path: string) => void): void {
  tree.replaceChildren();
  const items: HTMLElement[] = [];

  for (const path of [...paths].sort(comparePaths)) {
    const item = document.createElement('li');
    item.className = 'lab-files__item';
    item.setAttribute('role', 'treeitem');
    item.dataset.path = path;
    item.textContent = path;
    const selected = path === openPath;
    item.setAttribute('aria-selected', String(selected));
    item.tabIndex = selected ? 0 : -1;
    item.addEventListener('click', () => onOpen(path));
    items.push(item);
    tree.append(item);
  }

  if (openPath === null && items[0] !== undefined) items[0].tabIndex = 0;

  tree.onkeydown = (event) => {
    const index = items.indexOf(event.target as HTMLElement);
    if (index < 0) return;

    const target = indexForKey(event.key, index, items.length);
    if (target !== null) {
      event.preventDefault();
      items[index]?.setAttribute('tabindex', '-1');
      items[target]?.setAttribute('tabindex', '0');
      items[target]?.focus();
      return;
    }
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onOpen(items[index]?.dataset.path ?? '');
    }
  };
}

/** Mark `path` as the open file without rebuilding the tree. */
export function selectInFileTree(tree: HTMLElement, path: string | null): void {
  for (const item of tree.querySelectorAll<HTMLElement>('[role="treeitem"]')) {
    const selected = item.dataset.path === path;
    item.setAttribute('aria-selected', String(selected));
    item.tabIndex = selected ? 0 : -1;
  }
}

function indexForKey(key: string, index: number, count: number): number | null {
  switch (key) {
    case 'ArrowDown':
      return Math.min(count - 1, index + 1);
    case 'ArrowUp':
      return Math.max(0, index - 1);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

/** Sort files before deeper paths so top-level files such as the Dockerfile come first. */
function comparePaths(a: string, b: string): number {
  const depth = a.split('/').length - b.split('/').length;
  return depth !== 0 ? depth : a.localeCompare(b);
}
