import { createInPageRuntime, learnerFiles, runJournaled, starterDisk, type InPageRuntime } from '../../lib/labs/runtime/inpage.ts';
import { diffFiles, journalFromCommands, type JournalState } from '../../lib/labs/verify/journal.ts';
import type { LabRecord, LabSnapshot, LabStore, StoredVerification } from '../../lib/labs/persistence/index.ts';
import { LAB_ROOT } from '../../lib/labs/shell/layout.ts';
import type { LabPageData } from './data.ts';
import { debounce } from './debounce.ts';
import { renderFileTree, selectInFileTree } from './file-tree.ts';
import { renderTaskStates, type TaskState } from './tasks.ts';
import { evaluateTasks } from './task-checks.ts';
import { markReady } from './readiness.ts';
import { setUpLabActions } from './actions.ts';
import type { EditorHandle } from './editor.ts';
import type { TerminalHandle } from './terminal.ts';

export type LabStartOptions = {
  root: HTMLElement;
  lab: LabPageData;
  store: LabStore;
  editorModule: Promise<typeof import('./editor.ts')>;
  terminalModule: Promise<typeof import('./terminal.ts')>;
};

/** Milliseconds of quiet typing before an edit is written to the virtual disk. */
const SAVE_DELAY_MS = 300;

/** The lab on the in-page runtime: what the panels show and how they stay in step. */
export type InPageLab = {
  runtime: InPageRuntime;
  editor: EditorHandle;
  terminal: TerminalHandle;
  lab: LabPageData;
  taskStates: Record<string, TaskState>;
  undo: LabRecord['undo'];
  /** The server's last verdict, kept with the lab state so a reload shows it. */
  verification: StoredVerification | undefined;
  /** Return the command journal recorded so far, for the server's replay. */
  journal(): JournalState;
  /** Capture the state to store or to restore with Undo. */
  snapshot(): LabSnapshot;
  /** Swap in a snapshot: rebuild the runtime, reload the editor, re-check. */
  restore(snapshot: LabSnapshot): Promise<void>;
  /** Write pending edits, re-check tasks, refresh images, and store the state in IndexedDB before resolving. */
  settle(): Promise<void>;
  persist(): void;
  /** Write pending edits and store the state in IndexedDB now, skipping the debounce. */
  saveNow(): Promise<void>;
  /** Show the learner's files from the disk in the editor and the tree (after commands change them). */
  syncFromDisk(): Promise<void>;
};

/** Start the in-page runtime with the saved state (or the starter files) and bring up every panel. */
export async function startInPageLab(options: LabStartOptions): Promise<InPageLab> {
  const { root, lab, store } = options;
  const saved = await store.load(lab.id);
  const start: LabSnapshot = saved?.current ?? starterSnapshot(lab);

  const runtime = await createInPageRuntime({ disk: start.files, history: start.history, lab: shellLab(lab) });
  const files = learnerFiles(runtime.fs.snapshot());
  let journal = start.journal ?? legacyJournal(lab, start, files, saved?.savedAt ?? Date.now());
  const openPath = pickOpenFile(files, start.openFile);

  const tree = root.querySelector<HTMLElement>('[data-file-tree]');
  const pathLabel = root.querySelector<HTMLElement>('[data-editor-path]');
  const savedLabel = root.querySelector<HTMLElement>('[data-editor-saved]');
  const taskSection = root.querySelector<HTMLElement>('#lab-tasks');
  renderTaskStates(taskSection ?? root, start.taskStates ? toStates(start.taskStates) : {});

  // The terminal does not wait for Monaco, the larger bundle: each panel starts when its code arrives.
  const editorPanel = root.querySelector<HTMLElement>('#lab-editor') ?? root;
  const editorReady = options.editorModule.then(({ createEditor }) => {
    const created = createEditor(root.querySelector<HTMLElement>('[data-editor-host]') ?? root, editorPanel, files, openPath);
    if (pathLabel !== null) pathLabel.textContent = openPath ?? '';
    markReady(root, 'editor');
    return created;
  });
  const { createTerminal, startShellLoop } = await options.terminalModule;
  const terminalPanel = root.querySelector<HTMLElement>('#lab-terminal') ?? root;
  const { term, readline } = createTerminal(root.querySelector<HTMLElement>('[data-terminal-host]') ?? root, terminalPanel);

  const pendingWrites = new Map<string, string>();
  let controller: InPageLab | undefined;
  let controllerReady: (lab: InPageLab) => void = () => undefined;
  const whenControlled = new Promise<InPageLab>((resolve) => {
    controllerReady = resolve;
  });

  // Until the editor exists there are no edits to write, and commands run on the first runtime.
  const live = (): InPageRuntime => controller?.runtime ?? runtime;
  const host = {
    prompt: () => live().shell.prompt(),
    execute: async (line: string, io: { stdout: (text: string) => void; stderr: (text: string) => void }, signal: AbortSignal) => {
      await writePending();
      const ran = await runJournaled(live(), journal, line, io, signal);
      journal = ran.journal;
      return ran.exitCode;
    },
    complete: (line: string, cursor: number) => live().shell.complete(line, cursor),
  };

  let prompted = false;
  // Tests wait on this counter, which moves once a command's output, tasks, images and stored state are all up to date.
  let commandsRun = 0;
  const terminal = startShellLoop(term, readline, terminalPanel, host, () => {
    void whenControlled.then(async (ready) => {
      await ready.syncFromDisk();
      await ready.settle();
      commandsRun += 1;
      root.dataset.commandsRun = String(commandsRun);
    });
  }, () => {
    if (prompted) return;
    prompted = true;
    markReady(root, 'terminal');
  });
  terminal.setHistory(start.history);

  const editor = await editorReady;

  const openFile = (path: string): void => {
    editor.open(path);
    lint();
    if (pathLabel !== null) pathLabel.textContent = path;
    if (tree !== null) selectInFileTree(tree, path);
    created.persist();
  };

  const refreshTree = (paths: string[]): void => {
    if (tree !== null) renderFileTree(tree, paths, editor.currentPath(), openFile);
  };

  const writePending = async (): Promise<void> => {
    const writes = [...pendingWrites];
    pendingWrites.clear();
    for (const [path, text] of writes) await live().fs.writeFile(`${LAB_ROOT}/${path}`, text);
  };

  // "Saved" appears only once IndexedDB contains the edit, so a reload after it keeps the work.
  const currentRecord = (): LabRecord => {
    const record: LabRecord = { version: 1, labId: lab.id, current: created.snapshot(), undo: created.undo, savedAt: Date.now() };
    if (created.verification !== undefined) record.verification = created.verification;
    return record;
  };
  const storeRecord = async (): Promise<void> => {
    try {
      await store.save(currentRecord());
      if (savedLabel !== null && pendingWrites.size === 0 && savedLabel.textContent !== '') savedLabel.textContent = 'Saved';
    } catch (error) {
      if (savedLabel !== null) savedLabel.textContent = `Not saved: ${error instanceof Error ? error.message : String(error)}`;
    }
  };
  const saveToStore = debounce(() => void storeRecord(), 250);

  // Leaving the page writes what is still waiting for its debounce (best effort: the tab may close first).
  addEventListener('pagehide', () => {
    for (const [path, text] of pendingWrites) live().fs.writeFileSync(`${LAB_ROOT}/${path}`, text);
    pendingWrites.clear();
    saveToStore();
    saveToStore.flush();
  });

  const recheck = async (): Promise<void> => {
    created.taskStates = await evaluateTasks(lab.tasks, created.runtime);
    renderTaskStates(taskSection ?? root, created.taskStates);
    const { refreshImagePanel } = await import('./image-panel.ts');
    await refreshImagePanel(root, created.runtime.engine);
  };

  const lint = debounce(() => {
    const context = learnerFiles(created.runtime.fs.snapshot());
    const lintContext = { files: Object.keys(context), dockerignore: context['.dockerignore'] ?? '' };
    void import('./dockerfile-lint.ts').then((module) => module.lintOpenFile(editor, lintContext));
  }, 300);
  const settleSoon = debounce(() => void created.settle(), SAVE_DELAY_MS);

  const created: InPageLab = {
    runtime,
    editor,
    terminal,
    lab,
    taskStates: start.taskStates ? toStates(start.taskStates) : {},
    undo: saved?.undo ?? null,
    verification: saved?.verification,
    journal: () => journal,
    snapshot() {
      return {
        files: created.runtime.fs.snapshot(),
        openFile: editor.currentPath(),
        history: [...created.runtime.shell.history],
        taskStates: Object.fromEntries(Object.entries(created.taskStates).map(([id, state]) => [id, state.passed])),
        journal,
      };
    },
    async restore(snapshot) {
      pendingWrites.clear();
      created.runtime = await createInPageRuntime({ disk: snapshot.files, history: snapshot.history, lab: shellLab(lab) });
      const restored = learnerFiles(created.runtime.fs.snapshot());
      journal = snapshot.journal ?? legacyJournal(lab, snapshot, restored, Date.now());
      const path = pickOpenFile(restored, snapshot.openFile);
      editor.replaceFiles(restored, path);
      if (pathLabel !== null) pathLabel.textContent = path ?? '';
      refreshTree(Object.keys(restored));
      created.terminal.setHistory(snapshot.history);
      lint();
      await created.settle();
    },
    async settle() {
      await writePending();
      await recheck();

      // The state is stored at once, not debounced, so that a reload right after a command,
      // Reset or Solve finds it. A write that starts in `pagehide` may never finish.
      await storeRecord();
    },
    persist() {
      saveToStore();
    },
    async saveNow() {
      await writePending();
      await store.save(currentRecord());
    },
    async syncFromDisk() {
      const onDisk = learnerFiles(created.runtime.fs.snapshot());
      editor.syncFiles(onDisk);
      refreshTree(Object.keys(onDisk));
      lint();
    },
  };

  refreshTree(Object.keys(files));

  editor.onChange((path, text) => {
    pendingWrites.set(path, text);
    if (savedLabel !== null) savedLabel.textContent = 'Editing…';
    lint();
    settleSoon();
  });


  controller = created;
  setUpLabActions(root, created, starterSnapshot(lab));
  lint();
  controllerReady(created);

  // Checks and images need the engine; run them after the panels are usable.
  void recheck();
  return created;
}

/** Return the starter state of a lab: its files, nothing built, no history. */
export function starterSnapshot(lab: LabPageData): LabSnapshot {
  const encoder = new TextEncoder();
  const files: Record<string, Uint8Array> = {};
  for (const [path, text] of Object.entries(starterDisk(lab.files))) files[path] = encoder.encode(text);
  return { files, openFile: null, history: [], taskStates: {}, journal: { entries: [], base: { ...lab.files } } };
}

/**
 * Build a journal for a state saved before journals were recorded: its
 * history at the save time, with the current files before the first command,
 * which is what the server replayed before. Image IDs may then differ from the
 * browser's, because those builds ran on the system clock.
 */
function legacyJournal(lab: LabPageData, snapshot: LabSnapshot, files: Record<string, string>, savedAt: number): JournalState {
  return { entries: journalFromCommands(snapshot.history, new Date(savedAt).toISOString(), diffFiles(lab.files, files)), base: files };
}

function shellLab(lab: LabPageData): { id: string; title: string; tasks: never[] } {
  return { id: lab.id, title: lab.title, tasks: lab.tasks as never[] };
}

/** Choose the file to show: the saved one if it still exists, else the Dockerfile, else the first. */
function pickOpenFile(files: Record<string, string>, saved: string | null): string | null {
  if (saved !== null && saved in files) return saved;
  if ('Dockerfile' in files) return 'Dockerfile';
  return Object.keys(files).sort()[0] ?? null;
}

function toStates(passed: Record<string, boolean>): Record<string, TaskState> {
  return Object.fromEntries(Object.entries(passed).map(([id, value]) => [id, { passed: value, detail: '' }]));
}
