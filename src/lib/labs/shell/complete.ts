import { resolvePath } from '../../vfs/index.ts';
import { dockerGlobalFlags, dockerImageSubcommands, dockerSubcommands, imageOperandCommands, labSubcommands } from './docker-words.ts';
import type { Completion, ShellState } from './types.ts';

const wordBreak = /[\s;&|<>]/;

/** Return the index where the word ending at `cursor` starts. */
function wordStart(text: string): number {
  let index = text.length;
  while (index > 0 && !wordBreak.test(text[index - 1] ?? '')) index -= 1;
  return index;
}

/** Split the text before the current word into the words of the current command, dropping redirect targets. */
function commandWords(before: string): string[] {
  const segment = before.split(/&&|\|\||;|\|/).pop() ?? '';
  const words = segment.trim() === '' ? [] : segment.trim().split(/\s+/);
  return words.filter((word, index) => !/^\d?>/.test(word) && !/^\d?>>?$/.test(words[index - 1] ?? ''));
}

/** Return the names from `names` that start with `prefix`, sorted. */
function matching(names: Iterable<string>, prefix: string): string[] {
  return [...new Set(names)].filter((name) => name.startsWith(prefix)).sort();
}

/** Complete a path relative to the working folder; folders get a trailing `/`. */
async function completePath(state: ShellState, prefix: string, foldersOnly: boolean): Promise<string[]> {
  const slash = prefix.lastIndexOf('/');
  const folderPart = slash < 0 ? '' : prefix.slice(0, slash + 1);
  const namePrefix = prefix.slice(slash + 1);
  const home = state.env.HOME ?? '/';
  const folderText = folderPart.startsWith('~/') ? `${home}/${folderPart.slice(2)}` : folderPart;
  const folder = resolvePath(state.cwd, folderText === '' ? '.' : folderText);

  const stat = await state.fs.stat(folder);
  if (stat?.kind !== 'directory') return [];
  const entries = await state.fs.readdir(folder);
  return entries
    .filter((entry) => entry.name.startsWith(namePrefix))
    .filter((entry) => namePrefix.startsWith('.') || !entry.name.startsWith('.'))
    .filter((entry) => !foldersOnly || entry.kind === 'directory')
    .map((entry) => `${folderPart}${entry.name}${entry.kind === 'directory' ? '/' : ''}`)
    .sort();
}

/** Return the tags of local images, such as `heart-model:1.0`, for commands that take an image. */
async function imageTags(state: ShellState): Promise<string[]> {
  const images = await state.docker.store.listImages();
  return images.flatMap((image) => image.repoTags);
}

/** Complete the arguments of `docker`: subcommands, flags, image tags, then paths. */
async function completeDocker(state: ShellState, args: string[], prefix: string): Promise<string[]> {
  const positional = args.filter((arg) => !arg.startsWith('-'));
  const [subcommand, second] = positional;
  if (subcommand === undefined) return matching(prefix.startsWith('-') ? dockerGlobalFlags : Object.keys(dockerSubcommands), prefix);

  let action = subcommand;
  let flags = dockerSubcommands[subcommand] ?? [];
  if (subcommand === 'image') {
    if (second === undefined) return matching(Object.keys(dockerImageSubcommands), prefix);
    action = second;
    flags = dockerImageSubcommands[second] ?? [];
  }
  if (prefix.startsWith('-')) return matching(flags, prefix);

  const previous = args[args.length - 1] ?? '';
  if (previous === '-f' || previous === '--file') return completePath(state, prefix, false);
  if (imageOperandCommands.has(action)) return matching(await imageTags(state), prefix);
  return completePath(state, prefix, false);
}

/** Offer completions for the word ending at `cursor`: command names, docker and lab words, or paths. */
export async function completeLine(state: ShellState, line: string, cursor: number): Promise<Completion> {
  const text = line.slice(0, Math.max(0, Math.min(cursor, line.length)));
  const start = wordStart(text);
  const prefix = text.slice(start);
  const words = commandWords(text.slice(0, start));
  const [command, ...args] = words;

  let candidates: string[];
  if (command === undefined) {
    candidates = prefix.includes('/') ? await completePath(state, prefix, false) : matching(state.builtinNames, prefix);
  } else if (command === 'docker' && state.builtinNames.includes('docker')) {
    candidates = await completeDocker(state, args, prefix);
  } else if (command === 'lab') {
    const sub = args[0];
    candidates = sub === undefined ? matching(Object.keys(labSubcommands), prefix) : matching(labSubcommands[sub] ?? [], prefix);
  } else {
    candidates = await completePath(state, prefix, command === 'cd');
  }
  return { start, candidates };
}
