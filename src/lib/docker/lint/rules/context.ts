import type { CopyInstruction, Instruction } from '../../ast.ts';
import { LESSON_LINKS } from '../docs.ts';
import { cleanPath, createIgnoreMatcher } from '../dockerignore.ts';
import type { LintModel } from '../model.ts';
import type { Rule } from '../types.ts';

/** Context entries that should never reach an image, with why. */
const RISKY_ENTRIES: readonly [test: (path: string) => boolean, label: string][] = [
  [(path) => path === '.git' || path.startsWith('.git/'), '.git'],
  [(path) => path === '.env' || /^\.env\./.test(path) || path.endsWith('/.env'), '.env'],
  [(path) => /^(\.?venv|env)\//.test(path), 'the virtual environment'],
  [(path) => path.startsWith('node_modules/'), 'node_modules'],
  [(path) => path.includes('__pycache__/'), '__pycache__'],
];

/** Returns true for sources that copy the whole context, such as `.` or `./`. */
export function isWholeContext(source: string): boolean {
  const cleaned = cleanPath(source);
  return cleaned === '' || cleaned === '*';
}

/** Returns the local COPY and ADD instructions (no `--from`), ONBUILD triggers excluded. */
function localCopies(model: LintModel): CopyInstruction[] {
  const out: CopyInstruction[] = [];
  for (const instruction of model.dockerfile.instructions) {
    if ((instruction.kind === 'copy' || instruction.kind === 'add') && instruction.from === undefined) out.push(instruction);
  }
  return out;
}

/** Returns true for sources that are not files of the build context. */
function isRemoteOrHeredoc(source: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(source) || source.startsWith('git@') || /^\d*<</.test(source);
}

function dockerignoreText(model: LintModel): string | undefined {
  return model.context.dockerignore ?? model.context.readFile?.('.dockerignore');
}

/** Returns the risky entries present in the context, as labels. */
function riskyEntries(files: readonly string[], isIgnored: (path: string) => boolean): string[] {
  const found: string[] = [];
  for (const [test, label] of RISKY_ENTRIES) {
    if (!found.includes(label) && files.some((file) => test(cleanPath(file)) && !isIgnored(file))) found.push(label);
  }
  return found;
}

/** Returns the script files the image runs: sources ending in .sh and files named by ENTRYPOINT or CMD. */
function scriptsOf(instructions: readonly Instruction[]): Set<string> {
  const scripts = new Set<string>();
  for (const instruction of instructions) {
    if (instruction.kind === 'cmd' || instruction.kind === 'entrypoint') {
      const words = instruction.form === 'exec' ? instruction.args : instruction.command.split(/\s+/);
      for (const word of words) if (/\.(sh|bash)$/.test(word)) scripts.add(word.split('/').pop() ?? word);
    }
  }
  return scripts;
}

/** Checks that need the build context: .dockerignore, paths outside the context and line endings. */
export const contextRules: Rule[] = [
  {
    id: 'MissingDockerignore',
    aliases: [],
    severity: 'warning',
    buildkit: false,
    fix: 'Add a .dockerignore listing .git, .env, venv/, __pycache__/ and data files, so `COPY . .` sends only what the image needs.',
    docs: LESSON_LINKS.dockerignore,
    check(model, report) {
      const files = model.context.files;
      if (!files || dockerignoreText(model) !== undefined || files.some((file) => cleanPath(file) === '.dockerignore')) return;

      const broad = localCopies(model).find((copy) => copy.sources.some((source) => isWholeContext(source.value)));
      const risky = riskyEntries(files, () => false);
      const what = risky.length > 0 ? `, including ${risky.join(', ')}` : '';
      if (broad) {
        report(broad.range, `The build context has no .dockerignore, so ${broad.keyword} ${broad.sources.map((s) => s.value).join(' ')} copies every file into the image${what}`);
      } else {
        const first = model.dockerfile.instructions[0];
        if (first) report(first.range, `The build context has no .dockerignore: every build uploads the whole folder${what}`, { severity: 'info' });
      }
    },
  },
  {
    id: 'DockerignoreIncomplete',
    aliases: [],
    severity: 'warning',
    buildkit: false,
    fix: 'Add the listed entries to .dockerignore.',
    docs: LESSON_LINKS.dockerignore,
    check(model, report) {
      const files = model.context.files;
      const text = dockerignoreText(model);
      if (!files || text === undefined) return;

      const matcher = createIgnoreMatcher(text);
      const broad = localCopies(model).find((copy) => copy.sources.some((source) => isWholeContext(source.value)));
      const risky = riskyEntries(files, matcher.isIgnored);
      if (broad && risky.length > 0) {
        report(broad.range, `.dockerignore does not exclude ${risky.join(', ')}, so ${broad.keyword} ${broad.sources.map((s) => s.value).join(' ')} puts them in the image`);
      }
    },
  },
  {
    id: 'CopyIgnoredFile',
    aliases: [],
    severity: 'warning',
    buildkit: true,
    fix: 'Remove the file from .dockerignore (or add a `!path` line), or stop copying it.',
    docs: LESSON_LINKS.dockerignore,
    check(model, report) {
      const text = dockerignoreText(model);
      if (text === undefined) return;
      const matcher = createIgnoreMatcher(text);
      if (!matcher.hasPatterns) return;

      for (const copy of localCopies(model)) {
        const verb = copy.kind === 'add' ? 'Add' : 'Copy';
        for (const source of copy.sources) {
          if (isRemoteOrHeredoc(source.value) || source.value.includes('$') || isWholeContext(source.value)) continue;
          if (matcher.isIgnored(source.value)) {
            report(copy.range, `Attempting to ${verb} file ${JSON.stringify(source.value)} that is excluded by .dockerignore`);
          }
        }
      }
    },
  },
  {
    id: 'CopyOutsideContext',
    aliases: [],
    severity: 'warning',
    buildkit: false,
    fix: 'Move the file into the build context folder, or run docker build from a parent folder (`docker build -f app/Dockerfile .`).',
    docs: LESSON_LINKS.dockerignore,
    check(model, report) {
      for (const copy of localCopies(model)) {
        for (const source of copy.sources) {
          const value = source.value.replace(/\\/g, '/');
          if (value === '..' || value.startsWith('../')) {
            const inside = cleanPath(value) || '.';
            report(
              copy.range,
              `${JSON.stringify(source.value)} points outside the build context: Docker only sees the context and reads it as ${JSON.stringify(inside)} inside it`,
            );
          }
        }
      }
    },
  },
  {
    id: 'CrlfLineEndings',
    aliases: [],
    severity: 'warning',
    buildkit: false,
    fix: 'Save shell scripts with LF line endings (in Git: `*.sh text eol=lf` in .gitattributes), or run `sed -i "s/\\r$//" script.sh` in the RUN that copies them.',
    docs: LESSON_LINKS.lineEndings,
    check(model, report) {
      const { dockerfile, context } = model;
      const first = dockerfile.instructions[0];
      if (dockerfile.crlfLines.length > 0 && first) {
        report(first.range, 'The Dockerfile has Windows (CR LF) line endings. Docker reads it, but scripts saved the same way fail inside Linux containers', {
          severity: 'info',
        });
      }

      const readFile = context.readFile;
      if (!readFile) return;
      const runScripts = scriptsOf(dockerfile.instructions);
      for (const copy of localCopies(model)) {
        const candidates = copy.sources.flatMap((source) =>
          isWholeContext(source.value) ? (context.files ?? []).filter((file) => /\.(sh|bash)$/.test(file)) : [source.value],
        );
        for (const path of candidates) {
          const name = cleanPath(path).split('/').pop() ?? '';
          if (!/\.(sh|bash)$/.test(name) && !runScripts.has(name)) continue;
          const text = readFile(cleanPath(path));
          if (text?.includes('\r\n')) {
            report(copy.range, `${JSON.stringify(cleanPath(path))} has Windows (CR LF) line endings: running it in the container fails with "/bin/sh^M: bad interpreter" or "not found"`);
          }
        }
      }
    },
  },
];
