import * as monaco from 'monaco-editor/editor/editor.api.js';
import EditorWorker from 'monaco-editor/editor/editor.worker.js?worker';

// Only the editor contributions a learner uses: typing commands, hover (lint
// messages), find, comments, bracket matching, error navigation (F8) and the
// Ctrl+M Tab-focus toggle. In monaco-editor 0.57, `editor.main` also imports
// the CSS, HTML, JSON and TypeScript language services, each with a worker.
import 'monaco-editor/editor/browser/coreCommands.js';
import 'monaco-editor/editor/contrib/hover/browser/hoverContribution.js';
import 'monaco-editor/editor/contrib/find/browser/findController.js';
import 'monaco-editor/editor/contrib/comment/browser/comment.js';
import 'monaco-editor/editor/contrib/bracketMatching/browser/bracketMatching.js';
import 'monaco-editor/editor/contrib/clipboard/browser/clipboard.js';
import 'monaco-editor/editor/contrib/gotoError/browser/gotoError.js';
import 'monaco-editor/editor/contrib/linesOperations/browser/linesOperations.js';
import 'monaco-editor/editor/contrib/wordOperations/browser/wordOperations.js';
import 'monaco-editor/editor/contrib/toggleTabFocusMode/browser/toggleTabFocusMode.js';
import 'monaco-editor/editor/common/standaloneStrings.js';
import 'monaco-editor/languages/definitions/dockerfile/register.js';
import 'monaco-editor/languages/definitions/python/register.js';
import 'monaco-editor/languages/definitions/yaml/register.js';
import 'monaco-editor/languages/definitions/shell/register.js';

// Monaco requests a worker per language; only the generic editor worker is bundled.
(globalThis as { MonacoEnvironment?: monaco.Environment }).MonacoEnvironment = {
  getWorker: () => new EditorWorker(),
};

export type EditorHandle = {
  /** Show `path`; its model is created from `text` the first time. */
  open(path: string): void;
  /** Replace all models with `files` (after Reset, Solve or Undo) and show `openPath`. */
  replaceFiles(files: Record<string, string>, openPath: string | null): void;
  /** Path shown now, or null when the lab has no files. */
  currentPath(): string | null;
  /** Text of the file shown now. */
  currentText(): string | null;
  /** Run `listener` after each edit with the path and the full text. */
  onChange(listener: (path: string, text: string) => void): void;
  /** Bring the models in line with the files on disk after a command changed them; edits stay undoable. */
  syncFiles(files: Record<string, string>): void;
  /** Set the lint markers of a file. */
  setMarkers(path: string, markers: monaco.editor.IMarkerData[]): void;
  focus(): void;
};

/** Create the Monaco editor in `host`; Escape hands focus back to `panel`. */
export function createEditor(host: HTMLElement, panel: HTMLElement, files: Record<string, string>, openPath: string | null): EditorHandle {
  const dark = document.documentElement.dataset.theme === 'dark';
  const editor = monaco.editor.create(host, {
    model: null,
    automaticLayout: true,
    minimap: { enabled: false },
    fontSize: 14,
    scrollBeyondLastLine: false,
    wordWrap: 'on',
    lineNumbersMinChars: 3,
    folding: false,
    theme: dark ? 'vs-dark' : 'vs',
    ariaLabel: 'File editor. Press Escape to leave, or Ctrl+M to make Tab move focus.',
    fixedOverflowWidgets: true,
  });

  const models = new Map<string, monaco.editor.ITextModel>();
  const listeners: Array<(path: string, text: string) => void> = [];

  // Set while models are updated from disk, so those updates are not written back as edits.
  let syncing = false;

  const modelFor = (path: string, text: string): monaco.editor.ITextModel => {
    const uri = monaco.Uri.from({ scheme: 'lab', path: `/${path}` });
    const model = monaco.editor.createModel(text, undefined, uri);
    model.onDidChangeContent(() => {
      if (syncing) return;
      for (const listener of listeners) listener(path, model.getValue());
    });
    models.set(path, model);
    return model;
  };

  const load = (all: Record<string, string>): void => {
    for (const model of models.values()) model.dispose();
    models.clear();
    for (const [path, text] of Object.entries(all)) modelFor(path, text);
  };

  let current: string | null = null;
  const open = (path: string): void => {
    const model = models.get(path);
    if (model === undefined) return;
    current = path;
    editor.setModel(model);
  };

  load(files);
  if (openPath !== null) open(openPath);

  // Escape leaves the editor unless a widget (suggestions, find) wants it first.
  editor.addCommand(monaco.KeyCode.Escape, () => panel.focus(), '!suggestWidgetVisible && !findWidgetVisible && !editorHasMultipleSelections');

  return {
    open,
    replaceFiles(all, path) {
      editor.setModel(null);
      load(all);
      current = null;
      if (path !== null) open(path);
    },
    currentPath: () => current,
    currentText: () => editor.getModel()?.getValue() ?? null,
    syncFiles(all) {
      syncing = true;
      try {
        for (const [path, text] of Object.entries(all)) {
          const model = models.get(path);
          if (model === undefined) modelFor(path, text);
          else if (model.getValue() !== text) model.pushEditOperations([], [{ range: model.getFullModelRange(), text }], () => null);
        }
        for (const [path, model] of models) {
          if (path in all) continue;
          if (current === path) {
            current = null;
            editor.setModel(null);
          }
          model.dispose();
          models.delete(path);
        }
      } finally {
        syncing = false;
      }
      if (current === null) {
        const first = Object.keys(all).sort()[0];
        if (first !== undefined) open(first);
      }
    },
    onChange(listener) {
      listeners.push(listener);
    },
    setMarkers(path, markers) {
      const model = models.get(path);
      if (model !== undefined) monaco.editor.setModelMarkers(model, 'dockerfile-lint', markers);
    },
    focus: () => editor.focus(),
  };
}

export { monaco };
