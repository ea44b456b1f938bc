/**
 * The command journal: what the server replays to verify a lab. Each entry
 * is one command typed in the terminal, the time on the lab clock when it
 * started, and the learner's files that changed since the previous command
 * ended, editor edits included. A `null` file marks a deletion. Replaying the
 * entries in order with the engine's clock set to each `at` rebuilds the
 * same images, with the same IDs, as the browser built. Browser-safe.
 */

/** One replayed step: apply `files`, then run `command` at time `at` (ISO 8601, UTC). */
export type JournalEntry = { at: string; files?: Record<string, string | null>; command: string };

/** Journal plus the learner's files at the end of the last command, which the next entry is compared with. */
export type JournalState = { entries: JournalEntry[]; base: Record<string, string> };

/** Return the files of `after` that differ from `before`, with `null` for deleted ones, or undefined when none changed. */
export function diffFiles(before: Record<string, string>, after: Record<string, string>): Record<string, string | null> | undefined {
  const changes: Record<string, string | null> = {};
  for (const [path, text] of Object.entries(after)) {
    if (before[path] !== text) changes[path] = text;
  }
  for (const path of Object.keys(before)) {
    if (!(path in after)) changes[path] = null;
  }
  return Object.keys(changes).length === 0 ? undefined : changes;
}

/** Return the time of a command that starts at `now`, never earlier than the previous entry, so the journal stays ordered when the system clock steps back. */
export function commandTime(entries: readonly JournalEntry[], now: Date): Date {
  const previous = entries.at(-1);
  if (previous === undefined) return now;
  const previousTime = new Date(previous.at);
  return now.getTime() < previousTime.getTime() ? previousTime : now;
}

/**
 * Record a command: returns the new entry (files changed since `state.base`,
 * the time `at`) appended to a copy of the journal.
 */
export function appendEntry(state: JournalState, command: string, files: Record<string, string>, at: Date): JournalState {
  const changed = diffFiles(state.base, files);
  const entry: JournalEntry = changed === undefined ? { at: at.toISOString(), command } : { at: at.toISOString(), files: changed, command };
  return { entries: [...state.entries, entry], base: state.base };
}

/** Pattern of a command line that changes no state and that no task check reads. */
const READ_ONLY_COMMAND = /^\s*(ls|cat|pwd|clear|help|history|lab\s+(status|check))\b[^;&|>]*$/;

/**
 * Drop the entries whose command only reads (`ls`, `cat`, `pwd`, `clear`,
 * `help`, `history`, `lab status`, `lab check`), so a long session fits the
 * entry cap. A dropped entry's file changes move to the next kept entry; after
 * the last kept entry they are dropped, because the submission's final files
 * contain them.
 */
export function compactJournal(entries: readonly JournalEntry[]): JournalEntry[] {
  const kept: JournalEntry[] = [];
  let carried: Record<string, string | null> | undefined;
  for (const entry of entries) {
    if (READ_ONLY_COMMAND.test(entry.command)) {
      if (entry.files !== undefined) carried = { ...carried, ...entry.files };
      continue;
    }
    const files = carried === undefined ? entry.files : { ...carried, ...entry.files };
    kept.push(files === undefined ? { at: entry.at, command: entry.command } : { at: entry.at, files, command: entry.command });
    carried = undefined;
  }
  return kept;
}

/**
 * Build a journal from a plain command list, all at time `at`, with `files`
 * applied before the first command. Used for histories recorded before the
 * journal existed and by tests.
 */
export function journalFromCommands(commands: readonly string[], at: string, files?: Record<string, string | null>): JournalEntry[] {
  return commands.map((command, index) => (index === 0 && files !== undefined ? { at, files, command } : { at, command }));
}
