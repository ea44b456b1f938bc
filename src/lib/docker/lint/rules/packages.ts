import type { RunInstruction } from '../../ast.ts';
import { LESSON_LINKS } from '../docs.ts';
import type { LintModel } from '../model.ts';
import { parentStageIndex } from '../model.ts';
import type { Report, Rule } from '../types.ts';
import { commandsOf, hasCacheMount, operands, runsOf, subcommandIndex } from './run-commands.ts';
import type { RunCommand } from './run-commands.ts';

const APT_OPTIONS_WITH_VALUE = new Set(['-o', '-t', '-c', '--option', '--target-release', '--config-file']);
const APK_OPTIONS_WITH_VALUE = new Set(['-X', '--repository', '-t', '--virtual', '-p', '--root', '--arch', '--cache-dir']);
const PIP_OPTIONS_WITH_VALUE = new Set([
  '-r', '--requirement', '-c', '--constraint', '-e', '--editable', '-i', '--index-url', '--extra-index-url',
  '-f', '--find-links', '-t', '--target', '--prefix', '--root', '--trusted-host', '--platform', '--python-version',
  '--implementation', '--abi', '--src', '--upgrade-strategy', '--progress-bar', '--cache-dir', '--only-binary',
  '--no-binary', '--report', '--config-settings', '-C', '--global-option',
]);
const NPM_OPTIONS_WITH_VALUE = new Set(['--registry', '--prefix', '-C', '--cache', '--tag', '-w', '--workspace']);
const OPTIONS_WITH_VALUE = { 'apt-get': APT_OPTIONS_WITH_VALUE, apk: APK_OPTIONS_WITH_VALUE, npm: NPM_OPTIONS_WITH_VALUE } as const;

/** A command and the subcommand it runs, such as `apt-get` … `install`. */
interface PackageCommand {
  command: RunCommand;
  subcommand: string;
  /** Index of the subcommand in `command.words`. */
  at: number;
}

/** Returns true for pip, pip3, pip3.12 and `python -m pip`. */
function pipWords(command: RunCommand): string[] | undefined {
  if (/^pip(\d+(\.\d+)?)?$/.test(command.program)) return command.words;
  if (/^python(\d+(\.\d+)?)?$/.test(command.program) && command.words[1] === '-m' && command.words[2] === 'pip') {
    return command.words.slice(2);
  }
  return undefined;
}

/** Finds the package-manager commands of one RUN. */
function packageCommands(model: LintModel, run: RunInstruction, stageIndex: number, manager: 'apt-get' | 'apk' | 'pip' | 'npm'): PackageCommand[] {
  const stage = model.dockerfile.stages[stageIndex];
  if (!stage) return [];
  const out: PackageCommand[] = [];

  for (const command of commandsOf(model, run, stage, stageIndex)) {
    let words: string[] | undefined;
    let options: ReadonlySet<string> = new Set();
    if (manager === 'pip') {
      words = pipWords(command);
      options = PIP_OPTIONS_WITH_VALUE;
    } else if (command.program === manager) {
      words = command.words;
      options = OPTIONS_WITH_VALUE[manager];
    }
    if (!words) continue;

    const at = subcommandIndex(words, options);
    if (at === -1) continue;
    const normalized: RunCommand = words === command.words ? command : { ...command, words };
    out.push({ command: normalized, subcommand: words[at] ?? '', at });
  }
  return out;
}

/** Runs `check` on every `<manager> <subcommand>` of every RUN. */
function eachInstall(
  model: LintModel,
  manager: 'apt-get' | 'apk' | 'pip' | 'npm',
  subcommands: readonly string[],
  check: (found: PackageCommand, run: RunInstruction, stageIndex: number) => void,
): void {
  for (const { run, stageIndex } of runsOf(model)) {
    for (const found of packageCommands(model, run, stageIndex, manager)) {
      if (subcommands.includes(found.subcommand)) check(found, run, stageIndex);
    }
  }
}

/** Returns true for operands that name a file, URL or variable rather than a registry package. */
function isPathOrVariable(word: string): boolean {
  return word.includes('/') || word.startsWith('.') || word.startsWith('$') || /\.(deb|apk|whl|tar\.gz|tgz|zip)$/.test(word);
}

function reportUnpinned(report: Report, run: RunInstruction, tool: string, unpinned: string[], example: string): void {
  if (unpinned.length === 0) return;
  const list = unpinned.map((name) => JSON.stringify(name)).join(', ');
  report(run.range, `${tool} installs packages without a version: ${list} (pin them, for example ${example})`);
}

/** Returns true when a stage sets PIP_NO_CACHE_DIR before `run`, which does what --no-cache-dir does. */
function pipCacheDisabledByEnv(model: LintModel, stageIndex: number, run: RunInstruction): boolean {
  const stage = model.dockerfile.stages[stageIndex];
  if (!stage) return false;
  for (const instruction of stage.instructions) {
    if (instruction === run) break;
    if (instruction.kind === 'env' && instruction.pairs.some((pair) => pair.key === 'PIP_NO_CACHE_DIR')) return true;
  }
  return false;
}

/** Returns the stages whose layers end up in the final image: the last stage and the stages it builds on. */
function finalStageChain(model: LintModel): Set<number> {
  const { stages } = model.dockerfile;
  const chain = new Set<number>();
  let index: number | undefined = stages.length - 1;
  while (index !== undefined && index >= 0 && !chain.has(index)) {
    chain.add(index);
    index = parentStageIndex(model.dockerfile, index);
  }
  return chain;
}

/** Package-manager checks: pinned versions and caches left in layers. */
export const packageRules: Rule[] = [
  {
    id: 'UnpinnedAptPackage',
    aliases: ['DL3008'],
    severity: 'warning',
    buildkit: false,
    fix: 'Pin each package, `apt-get install -y curl=7.88.1-10+deb12u8`, so a rebuild next month installs the same versions.',
    docs: LESSON_LINKS.pinPackages,
    check(model, report) {
      eachInstall(model, 'apt-get', ['install'], ({ command, at }, run) => {
        const packages = operands(command.words, at + 1, APT_OPTIONS_WITH_VALUE);
        const unpinned = packages.filter((name) => !name.includes('=') && !isPathOrVariable(name));
        reportUnpinned(report, run, 'apt-get install', unpinned, 'curl=<version>');
      });
    },
  },
  {
    id: 'AptListsNotDeleted',
    aliases: ['DL3009'],
    severity: 'info',
    buildkit: false,
    fix: 'End the same RUN with `&& rm -rf /var/lib/apt/lists/*`: deleting the lists in a later RUN does not shrink the image.',
    docs: LESSON_LINKS.packageCaches,
    check(model, report) {
      const chain = finalStageChain(model);
      for (const { run, stageIndex } of runsOf(model)) {
        if (!chain.has(stageIndex) || hasCacheMount(run)) continue;
        const apt = packageCommands(model, run, stageIndex, 'apt-get');
        if (!apt.some((found) => found.subcommand === 'update')) continue;
        const stage = model.dockerfile.stages[stageIndex];
        if (!stage) continue;
        const cleaned = commandsOf(model, run, stage, stageIndex).some(
          (command) => command.program === 'rm' && command.words.some((word) => word.startsWith('/var/lib/apt/lists')),
        );
        if (!cleaned) report(run.range, 'apt-get update leaves package lists in /var/lib/apt/lists, about 20-40 MB in this layer');
      }
    },
  },
  {
    id: 'AptGetWithoutYes',
    aliases: ['DL3014'],
    severity: 'warning',
    buildkit: false,
    fix: 'Add `-y` to apt-get install: a build has no terminal to answer the "Do you want to continue?" prompt.',
    docs: LESSON_LINKS.pinPackages,
    check(model, report) {
      eachInstall(model, 'apt-get', ['install', 'upgrade', 'dist-upgrade'], ({ command }, run) => {
        const yes = command.words.some(
          (word) => word === '--yes' || word === '--assume-yes' || word === '-qq' || /^-[a-z]*y[a-z]*$/.test(word) || word === '-q=2',
        );
        if (!yes) report(run.range, 'apt-get install without -y stops at its confirmation prompt and the build fails');
      });
    },
  },
  {
    id: 'AptRecommendsInstalled',
    aliases: ['DL3015'],
    severity: 'info',
    buildkit: false,
    fix: 'Add `--no-install-recommends` to apt-get install, and list the few extra packages you really need.',
    docs: LESSON_LINKS.packageCaches,
    check(model, report) {
      eachInstall(model, 'apt-get', ['install'], ({ command }, run) => {
        const avoided = command.words.some(
          (word) => word === '--no-install-recommends' || word.includes('APT::Install-Recommends=false') || word.includes('APT::Install-Recommends=0'),
        );
        if (!avoided) report(run.range, 'apt-get install also installs every "recommended" package, which often doubles the layer');
      });
    },
  },
  {
    id: 'AptUpdateWithoutInstall',
    aliases: [],
    severity: 'warning',
    buildkit: false,
    fix: 'Run `apt-get update && apt-get install -y ...` in one RUN, so a changed package list always gets fresh package lists.',
    docs: LESSON_LINKS.layerOrder,
    check(model, report) {
      for (const { run, stageIndex } of runsOf(model)) {
        const apt = packageCommands(model, run, stageIndex, 'apt-get').map((found) => found.subcommand);
        if (apt.includes('update') && !apt.some((subcommand) => subcommand === 'install' || subcommand === 'upgrade' || subcommand === 'dist-upgrade')) {
          report(run.range, 'apt-get update sits in its own RUN: its cached layer keeps old package lists, so a later install can fetch outdated or missing versions');
        }
      }
    },
  },
  {
    id: 'AptInsteadOfAptGet',
    aliases: ['DL3027'],
    severity: 'warning',
    buildkit: false,
    fix: 'Use apt-get (or apt-cache) in Dockerfiles; apt is for interactive use and warns that its interface may change.',
    docs: LESSON_LINKS.pinPackages,
    check(model, report) {
      for (const { run, stage, stageIndex } of runsOf(model)) {
        if (commandsOf(model, run, stage, stageIndex).some((command) => command.program === 'apt')) {
          report(run.range, 'apt is meant for terminals and has no stable command-line interface; use apt-get in scripts');
        }
      }
    },
  },
  {
    id: 'UnpinnedPipPackage',
    aliases: ['DL3013'],
    severity: 'warning',
    buildkit: false,
    fix: 'Pin versions (`pip install torch==2.5.1`) or install from a pinned requirements.txt (`pip install -r requirements.txt`).',
    docs: LESSON_LINKS.pinPackages,
    check(model, report) {
      eachInstall(model, 'pip', ['install'], ({ command, at }, run) => {
        const packages = operands(command.words, at + 1, PIP_OPTIONS_WITH_VALUE);
        const unpinned = packages.filter((name) => !/(==|>=|<=|~=|!=|>|<|@)/.test(name) && !isPathOrVariable(name) && !name.includes('://'));
        reportUnpinned(report, run, 'pip install', unpinned, 'fastapi==0.115.0');
      });
    },
  },
  {
    id: 'PipCacheKept',
    aliases: ['DL3042'],
    severity: 'warning',
    buildkit: false,
    fix: 'Add `--no-cache-dir` to pip install (or set `ENV PIP_NO_CACHE_DIR=1`), or use `RUN --mount=type=cache,target=/root/.cache/pip`.',
    docs: LESSON_LINKS.packageCaches,
    check(model, report) {
      eachInstall(model, 'pip', ['install'], ({ command }, run, stageIndex) => {
        if (command.words.includes('--no-cache-dir') || hasCacheMount(run) || pipCacheDisabledByEnv(model, stageIndex, run)) return;
        report(run.range, 'pip install keeps its download cache in /root/.cache/pip, inside this layer');
      });
    },
  },
  {
    id: 'UnpinnedNpmPackage',
    aliases: ['DL3016'],
    severity: 'warning',
    buildkit: false,
    fix: 'Pin versions (`npm install express@4.21.1`), or install from package-lock.json with `npm ci`.',
    docs: LESSON_LINKS.pinPackages,
    check(model, report) {
      eachInstall(model, 'npm', ['install', 'i', 'add'], ({ command, at }, run) => {
        const packages = operands(command.words, at + 1, NPM_OPTIONS_WITH_VALUE);
        // `@scope/name` is a package; other names with `/`, a dot prefix or a colon are paths, URLs or git specs.
        const isLocalOrRemote = (name: string): boolean => /^[./~$]/.test(name) || name.includes(':') || /\.tgz$/.test(name) || (!name.startsWith('@') && name.includes('/'));
        const unpinned = packages.filter((name) => name.lastIndexOf('@') <= 0 && !isLocalOrRemote(name));
        reportUnpinned(report, run, 'npm install', unpinned, 'express@4.21.1');
      });
    },
  },
  {
    id: 'UnpinnedApkPackage',
    aliases: ['DL3018'],
    severity: 'warning',
    buildkit: false,
    fix: 'Pin each package, `apk add --no-cache curl=8.11.1-r0`.',
    docs: LESSON_LINKS.pinPackages,
    check(model, report) {
      eachInstall(model, 'apk', ['add'], ({ command, at }, run) => {
        const packages = operands(command.words, at + 1, APK_OPTIONS_WITH_VALUE);
        const unpinned = packages.filter((name) => !name.includes('=') && !isPathOrVariable(name));
        reportUnpinned(report, run, 'apk add', unpinned, 'curl=<version>');
      });
    },
  },
  {
    id: 'ApkCacheKept',
    aliases: ['DL3019'],
    severity: 'info',
    buildkit: false,
    fix: 'Use `apk add --no-cache ...`, which fetches the index without storing it in the layer.',
    docs: LESSON_LINKS.packageCaches,
    check(model, report) {
      eachInstall(model, 'apk', ['add'], ({ command }, run) => {
        if (command.words.includes('--no-cache') || hasCacheMount(run)) return;
        report(run.range, 'apk add without --no-cache leaves the package index in /var/cache/apk');
      });
    },
  },
];
