/**
 * Types for Monaco's Tab-focus switch, a module the public API does not
 * export (monaco-editor 0.57). Ctrl+M flips the same switch, so the lab's
 * toggle and the shortcut stay in step.
 */
declare module 'monaco-editor/editor/browser/config/tabFocus.js' {
  export const TabFocus: {
    getTabFocusMode(): boolean;
    setTabFocusMode(tabFocusMode: boolean): void;
    onDidChangeTabFocus(listener: (tabFocusMode: boolean) => void): { dispose(): void };
  };
}
