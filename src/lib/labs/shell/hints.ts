/**
 * Extra line printed after `command not found` for commands learners often
 * try in the lab terminal, as Ubuntu's command-not-found handler does.
 */
const hints: Record<string, string> = {
  code: 'Edit files in the editor beside the terminal.',
  emacs: 'Edit files in the editor beside the terminal.',
  nano: 'Edit files in the editor beside the terminal.',
  vi: 'Edit files in the editor beside the terminal.',
  vim: 'Edit files in the editor beside the terminal.',
  python: 'This terminal runs docker and file commands only; Python runs inside the image you build.',
  python3: 'This terminal runs docker and file commands only; Python runs inside the image you build.',
  pip: 'Dependencies are installed by the RUN pip install step of the Dockerfile.',
  pip3: 'Dependencies are installed by the RUN pip install step of the Dockerfile.',
  uvicorn: 'The server starts when a container runs the image: see the CMD of the Dockerfile.',
  sudo: 'Lab commands need no root rights; run them without sudo.',
  less: "There is no pager here; use cat, head or tail, and 'help' to list the commands.",
  more: "There is no pager here; use cat, head or tail, and 'help' to list the commands.",
};

/** Return the hint for an unknown command, or null. */
export function commandNotFoundHint(name: string): string | null {
  return hints[name] ?? null;
}
