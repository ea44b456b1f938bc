import {
  BACKGROUND_BOOT_TEXT,
  BACKGROUND_READY_TEXT,
  describeIgnoredQuery,
  describeOutcome,
  planRuntime,
  resolvePreference,
  RUNTIME_SETTING_KEY,
  WEBCONTAINER_BOOT_TIMEOUT_SECONDS,
  type RuntimeOutcome,
} from '../../lib/labs/runtime/choice.ts';
import { missingWebContainerFeature } from '../../lib/labs/runtime/support.ts';
import { LabStore } from '../../lib/labs/persistence/index.ts';
import { readLabPageData } from './data.ts';
import { setUpSplitters } from './splitter.ts';
import { setUpHints } from './tasks.ts';
import { setUpPanelExit } from './panel-exit.ts';
import { startInPageLab, type InPageLab } from './inpage-lab.ts';

/**
 * Start the lab page: choose the runtime, say which one and why, and bring up
 * the panels. The page script starts loading the editor and terminal bundles
 * before this module, so they download in parallel with it.
 */
export async function startLab(
  editorModule: Promise<typeof import('./editor.ts')>,
  terminalModule: Promise<typeof import('./terminal.ts')>,
): Promise<void> {
  const root = document.querySelector<HTMLElement>('.lab');
  if (root === null) return;
  const lab = readLabPageData(document);

  setUpSplitters(root.querySelector<HTMLElement>('[data-workspace]') ?? root);
  setUpHints(root.querySelector<HTMLElement>('#lab-tasks') ?? root);
  for (const panel of root.querySelectorAll<HTMLElement>('#lab-editor, #lab-terminal')) setUpPanelExit(panel);
  const setting = setUpRuntimeSetting(root);

  const query = new URL(location.href).searchParams.get('runtime');
  const { preference, source } = resolvePreference(query, setting);
  const ignored = describeIgnoredQuery(query);
  const status = root.querySelector<HTMLElement>('[data-lab-status]');
  if (ignored !== null && status !== null) status.textContent = ignored;
  const plan = planRuntime({
    preference,
    source,
    crossOriginIsolated: globalThis.crossOriginIsolated === true,
    missingFeature: missingWebContainerFeature(globalThis),
  });

  const badge = root.querySelector<HTMLElement>('[data-runtime-badge]');
  const showOutcome = (outcome: RuntimeOutcome): void => {
    if (badge === null) return;
    badge.textContent = describeOutcome(outcome);
    badge.dataset.runtime = outcome.runtime;
    root.dataset.runtime = outcome.runtime;
  };

  const store = new LabStore();
  if (plan.attempt === 'background') {
    if (badge !== null) badge.textContent = BACKGROUND_BOOT_TEXT;
    root.dataset.runtime = 'inpage';
    const inPage = await startInPageLab({ root, lab, store, editorModule, terminalModule });
    void offerWebContainer(root, inPage, showOutcome);
    return;
  }

  if (plan.attempt === 'webcontainer') {
    if (badge !== null) badge.textContent = 'Starting WebContainer (up to 20 s)…';
    const { startWebContainerLab } = await import('./webcontainer-lab.ts');
    const outcome = await startWebContainerLab({ root, lab, store, editorModule, terminalModule });
    showOutcome(outcome);
    if (outcome.runtime === 'webcontainer') return;
    await startInPageLab({ root, lab, store, editorModule, terminalModule });
    return;
  }

  showOutcome({ runtime: 'inpage', reason: plan.reason });
  await startInPageLab({ root, lab, store, editorModule, terminalModule });
}

/**
 * Boot WebContainer behind the running in-page lab. On failure the badge
 * names the reason; on success a "Switch to WebContainer" button appears, and
 * the page never switches by itself, so a learner who is typing keeps the
 * terminal they are using. Switching saves the current files to IndexedDB and
 * reloads with `?runtime=webcontainer`, which mounts them in the container.
 *
 * NOTE: only the failed boot has run in a browser (StackBlitz was unreachable
 * where this was written); the button after a successful boot is untested.
 */
async function offerWebContainer(root: HTMLElement, inPage: InPageLab, showOutcome: (outcome: RuntimeOutcome) => void): Promise<void> {
  const { bootWebContainerOnce } = await import('../../lib/labs/runtime/webcontainer.ts');
  const booted = await bootWebContainerOnce(WEBCONTAINER_BOOT_TIMEOUT_SECONDS);
  if ('reason' in booted) {
    showOutcome({ runtime: 'inpage', reason: booted.reason });
    return;
  }

  const badge = root.querySelector<HTMLElement>('[data-runtime-badge]');
  if (badge !== null) badge.textContent = BACKGROUND_READY_TEXT;
  const button = root.querySelector<HTMLButtonElement>('[data-action="switch-runtime"]');
  if (button === null) return;
  button.hidden = false;
  button.addEventListener('click', async () => {
    button.disabled = true;
    await inPage.saveNow();

    // One page runs one WebContainer, so the booted one is released and the reload boots it again (from the browser cache).
    booted.container.teardown();
    const url = new URL(location.href);
    url.searchParams.set('runtime', 'webcontainer');
    location.assign(url);
  });
}

/** Wire the runtime select to localStorage; a change reloads the page, since one page boots one runtime. */
function setUpRuntimeSetting(root: HTMLElement): string | null {
  const select = root.querySelector<HTMLSelectElement>('[data-runtime-setting]');
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(RUNTIME_SETTING_KEY);
  } catch {
    // Storage may be disabled; the setting then stays at Automatic.
  }
  if (select === null) return stored;

  select.value = stored ?? 'auto';
  select.addEventListener('change', () => {
    localStorage.setItem(RUNTIME_SETTING_KEY, select.value);
    const url = new URL(location.href);
    url.searchParams.delete('runtime');
    location.assign(url);
  });
  return stored;
}
