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
import { TabFocus } from 'monaco-editor/editor/browser/config/tabFocus.js';

// Monaco requests a worker per language; only the generic editor worker is bundled.
(globalThis as { MonacoEnvironment?: monaco.Environment }).MonacoEnvironment = {
  getWorker: () => new EditorWorker(),
};

/** localStorage key of the Tab key setting: `focus` (Tab moves focus, the default) or `indent`. */
const TAB_SETTING_KEY = 'slipway:editor-tab';

// Monaco's own themes fall below 4.5:1 for dark-theme comments (#608b4e on #1e1e1e) and
// for the dimmed number after the last line, so both lab themes raise those colours.
monaco.editor.defineTheme('slipway-light', {
  base: 'vs',
  inherit: true,
  rules: [{ token: 'comment', foreground: '0b6e0b' }],
  colors: {
    'editorLineNumber.foreground': '#4f5964',
    'editorLineNumber.activeForeground': '#0b216f',
    'editorLineNumber.dimmedForeground': '#4f5964',
  },
});
monaco.editor.defineTheme('slipway-dark', {
  base: 'vs-dark',
  inherit: true,
  rules: [{ token: 'comment', foreground: '8fbf7f' }],
  colors: {
    'editorLineNumber.foreground': '#9a9a9a',
    'editorLineNumber.activeForeground': '#e6e6e6',
    'editorLineNumber.dimmedForeground': '#9a9a9a',
  },
});

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

/**
 * Wire the Tab key setting: Tab moves focus by default, so a keyboard user
 * passing through the page does not type tabs into a file. The `toggle`
 * button and Ctrl+M flip Monaco's switch, and the choice is kept in
 * localStorage.
 */
function setUpTabSetting(toggle: HTMLButtonElement | null): void {
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(TAB_SETTING_KEY);
  } catch {
    // Storage may be disabled; Tab then moves focus, the default.
  }
  TabFocus.setTabFocusMode(stored !== 'indent');

  const show = (movesFocus: boolean): void => {
    if (toggle === null) return;
    toggle.textContent = movesFocus ? 'Tab key: moves focus' : 'Tab key: inserts tab';
  };
  show(TabFocus.getTabFocusMode());

  TabFocus.onDidChangeTabFocus((movesFocus) => {
    show(movesFocus);
    try {
      localStorage.setItem(TAB_SETTING_KEY, movesFocus ? 'focus' : 'indent');
    } catch {
      // The setting then lasts for this page only.
    }
  });
  toggle?.addEventListener('click', () => TabFocus.setTabFocusMode(!TabFocus.getTabFocusMode()));
}

/** Create the Monaco editor in `host`; Escape hands focus back to `panel`. */
export function createEditor(host: HTMLElement, panel: HTMLElement, files: Record<string, string>, openPath: string | null): EditorHandle {
  const dark = document.documentElement.dataset.theme === 'dark';
  setUpTabSetting(panel.querySelector<HTMLButtonElement>('[data-tab-toggle]'));
  const editor = monaco.editor.create(host, {
    model: null,
    automaticLayout: true,
    minimap: { enabled: false },
    fontSize: 14,
    scrollBeyondLastLine: false,
    wordWrap: 'on',
    lineNumbersMinChars: 3,
    folding: false,
    theme: dark ? 'slipway-dark' : 'slipway-light',
    ariaLabel: 'File editor. Tab moves focus unless the Tab key setting or Ctrl+M makes it insert a tab. Escape leaves the editor.',
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
