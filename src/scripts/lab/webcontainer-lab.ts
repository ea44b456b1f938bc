import dockerCliUrl from '../../lib/labs/runtime/webcontainer-docker.ts?worker&url';
import { WEBCONTAINER_BOOT_TIMEOUT_SECONDS, type RuntimeOutcome } from '../../lib/labs/runtime/choice.ts';
import { bootWebContainerOnce, toFileSystemTree } from '../../lib/labs/runtime/webcontainer.ts';
import { CONTAINER_STATE_DIR, DOCKER_BIN_SHIM } from '../../lib/labs/runtime/container-layout.ts';
import { WebContainerFileSystem } from '../../lib/labs/runtime/webcontainer-fs.ts';
import { createDockerEngine } from '../../lib/docker/index.ts';
import { evaluateCheck } from '../../lib/labs/checks/index.ts';
import type { LabStartOptions } from './inpage-lab.ts';
import { learnerFiles, starterDisk } from '../../lib/labs/runtime/inpage.ts';
import { renderFileTree } from './file-tree.ts';
import { renderTaskStates, type TaskState } from './tasks.ts';
import { markReady } from './readiness.ts';
import { debounce } from './debounce.ts';

/**
 * Run the lab in WebContainer: mount the learner's files, put `docker` on
 * jsh's PATH and attach jsh to the terminal. Resolves to the in-page outcome
 * with its reason when the container does not boot.
 *
 * NOTE: no StackBlitz server was reachable where this was written, so only the
 * fallback has run in a browser. The bundled `docker` and its bin shim were
 * run with plain Node 20; the boot, the mount, jsh finding the shim on its
 * PATH and the checks over the container's files are untested.
 */
export async function startWebContainerLab(options: LabStartOptions): Promise<RuntimeOutcome> {
  const booted = await bootWebContainerOnce(WEBCONTAINER_BOOT_TIMEOUT_SECONDS);
  if ('reason' in booted) return { runtime: 'inpage', reason: booted.reason };
  const { container } = booted;
  const { root, lab, store } = options;

  const saved = await store.load(lab.id);
  const files = saved === null ? lab.files : learnerFiles(saved.current.files);
  const history = saved?.current.history ?? [];
  // Until the panels exist a failure can still hand over to the in-page runtime.
  try {
    const response = await fetch(dockerCliUrl);
    if (!response.ok) throw new Error(`loading the docker CLI bundle failed with HTTP ${response.status}`);
    const cli = await response.text();

    // npm-style bin folder: jsh puts node_modules/.bin on the PATH and runs the script with Node.
    await container.mount({
      ...toFileSystemTree(files),
      '.slipway': { directory: { 'docker.cjs': { file: { contents: cli } } } },
      node_modules: { directory: { '.bin': { directory: { docker: { file: { contents: DOCKER_BIN_SHIM } } } } } },
    });
  } catch (error) {
    container.teardown();
    return { runtime: 'inpage', reason: { kind: 'failed', message: error instanceof Error ? error.message : String(error) } };
  }

  const fs = new WebContainerFileSystem(container.fs);
  const engine = createDockerEngine({ fs, stateDir: `/${CONTAINER_STATE_DIR}` });

  const [{ createEditor }, { createTerminal }] = await Promise.all([options.editorModule, options.terminalModule]);
  const editorPanel = root.querySelector<HTMLElement>('#lab-editor') ?? root;
  const editor = createEditor(root.querySelector<HTMLElement>('[data-editor-host]') ?? root, editorPanel, files, 'Dockerfile' in files ? 'Dockerfile' : null);
  markReady(root, 'editor');

  const tree = root.querySelector<HTMLElement>('[data-file-tree]');
  if (tree !== null) renderFileTree(tree, Object.keys(files), editor.currentPath(), (path) => editor.open(path));

  const terminalPanel = root.querySelector<HTMLElement>('#lab-terminal') ?? root;
  const { term } = createTerminal(root.querySelector<HTMLElement>('[data-terminal-host]') ?? root, terminalPanel);
  const shell = await container.spawn('jsh', { terminal: { cols: term.cols, rows: term.rows } });
  void shell.output.pipeTo(new WritableStream({ write: (chunk) => term.write(chunk) }));
  const input = shell.input.getWriter();
  term.onResize(({ cols, rows }) => shell.resize({ cols, rows }));
  markReady(root, 'terminal');

  // jsh keeps its own history; the lines typed here stand in for it in checks and verification.
  const commands = [...history];
  let typed = '';
  const taskSection = root.querySelector<HTMLElement>('#lab-tasks') ?? root;
  const recheck = debounce(() => void (async () => {
    const state = { fs, root: '/', engine, commands };
    const results: Record<string, TaskState> = {};
    for (const task of lab.tasks) results[task.id] = await evaluateCheck(task.check as Parameters<typeof evaluateCheck>[0], state);
    renderTaskStates(taskSection, results);
  })(), 500);

  term.onData((data) => {
    void input.write(data);
    for (const char of data) {
      if (char === '\r') {
        if (typed.trim() !== '') commands.push(typed.trim());
        typed = '';
        recheck();
        persist();
      } else if (char === '\x7f') typed = typed.slice(0, -1);
      else if (char >= ' ') typed += char;
    }
  });

  // The learner's files and typed lines go to IndexedDB as in the in-page runtime, so either runtime can resume them.
  // Images live in the container and are not kept.
  const texts = { ...files };
  const encoder = new TextEncoder();
  const persist = debounce(() => {
    const disk = Object.fromEntries(Object.entries(starterDisk(texts)).map(([path, text]) => [path, encoder.encode(text)]));
    const current = { files: disk, openFile: editor.currentPath(), history: [...commands], taskStates: {} };
    void store.save({ version: 1, labId: lab.id, current, undo: null, savedAt: Date.now() });
  }, 500);

  editor.onChange((path, text) => {
    texts[path] = text;
    void container.fs.writeFile(`/${path}`, text).then(recheck);
    persist();
  });
  recheck();
  return { runtime: 'webcontainer' };
}
