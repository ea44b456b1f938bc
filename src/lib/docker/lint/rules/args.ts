import type { Dockerfile, Instruction } from '../../ast.ts';
import { PREDEFINED_PLATFORM_ARGS, PREDEFINED_PROXY_ARGS } from '../../parser/arg-scope.ts';
import { expandWord } from '../../parser/expand.ts';
import { suggestName } from '../../parser/flags.ts';
import { LESSON_LINKS } from '../docs.ts';
import { parentStageIndex } from '../model.ts';
import { parseImageReference } from '../image-reference.ts';
import type { Rule } from '../types.ts';

/**
 * Variables nearly every Linux base image or shell defines, so using them is not an undefined-variable mistake.
 * NOTE: BuildKit reads the real base image's ENV; pass it as `baseImageEnv` when it is known.
 */
const COMMON_BASE_ENV = ['PATH', 'HOME', 'HOSTNAME', 'TERM', 'LANG', 'LC_ALL', 'PWD', 'SHELL', 'USER'];

/** Words that mark an ARG or ENV name as secret, and words that clear it (BuildKit's lists). */
const SECRET_WORDS = new Set(['apikey', 'auth', 'credential', 'credentials', 'key', 'password', 'pword', 'passwd', 'secret', 'token']);
const NOT_SECRET_WORDS = new Set(['public', 'file', 'version']);

/** Returns true when an `_`-separated word of the name marks it as a secret (BuildKit's word lists). */
export function looksLikeSecret(name: string): boolean {
  const words = name.toLowerCase().split('_');
  return words.some((word) => SECRET_WORDS.has(word)) && !words.some((word) => NOT_SECRET_WORDS.has(word));
}

/**
 * Collects the variables a word uses that are not in `known`, skipping
 * `${X:-default}` style uses. `known` maps each defined name to any value.
 */
function unsetVariables(text: string, known: ReadonlyMap<string, string>, escapeToken: '\\' | '`'): string[] {
  if (!text.includes('$')) return [];
  const names: string[] = [];
  try {
    expandWord(text, known, escapeToken, {
      onUnset: (name, guarded) => {
        if (!guarded && !names.includes(name)) names.push(name);
      },
    });
  } catch {
    // A malformed word fails the build with its own error; this rule has nothing to add.
  }
  return names;
}

/** Returns a map with an empty value for each name, the shape `unsetVariables` expects. */
function namesToMap(names: Iterable<string>): Map<string, string> {
  const map = new Map<string, string>();
  for (const name of names) map.set(name, '');
  return map;
}

/** Returns the words of an instruction that Docker expands with ARG and ENV values. */
function expandedWords(instruction: Instruction): string[] {
  switch (instruction.kind) {
    case 'env':
    case 'label':
      return instruction.pairs.map((pair) => pair.value);
    case 'arg':
      return instruction.args.flatMap((arg) => (arg.default === undefined ? [] : [arg.default]));
    case 'copy':
    case 'add': {
      const words = [...instruction.sources, instruction.destination].map((word) => word.value);
      if (instruction.chown !== undefined) words.push(instruction.chown);
      if (instruction.chmod !== undefined) words.push(instruction.chmod);
      return words;
    }
    case 'workdir':
      return [instruction.path.value];
    case 'user':
      return [instruction.user.value];
    case 'expose':
      return instruction.ports.map((port) => port.value);
    case 'volume':
      return instruction.paths.map((path) => path.value);
    case 'stopsignal':
      return [instruction.signal.value];
    default:
      return [];
  }
}

/** Returns the names of the ARGs declared before the first FROM. */
function metaArgNames(dockerfile: Dockerfile): string[] {
  return dockerfile.metaArgs.flatMap((instruction) => instruction.args.map((arg) => arg.name));
}

/** Returns the ENV names a stage sets, including those of the stages it builds on. */
function stageEnvNames(dockerfile: Dockerfile, stageIndex: number, seen = new Set<number>()): string[] {
  const stage = dockerfile.stages[stageIndex];
  if (!stage || seen.has(stageIndex)) return [];
  seen.add(stageIndex);

  const names: string[] = [];
  const parent = parentStageIndex(dockerfile, stageIndex);
  if (parent !== undefined) names.push(...stageEnvNames(dockerfile, parent, seen));
  for (const instruction of stage.instructions) {
    if (instruction.kind === 'env') names.push(...instruction.pairs.map((pair) => pair.key));
  }
  return names;
}

/** Checks of ARG and ENV use that BuildKit runs. */
export const argRules: Rule[] = [
  {
    id: 'UndefinedArgInFrom',
    aliases: [],
    severity: 'warning',
    buildkit: true,
    fix: 'Declare the variable with ARG before the first FROM (`ARG PYTHON_VERSION=3.12`), or fix its name.',
    docs: LESSON_LINKS.buildArgs,
    check(model, report) {
      const { dockerfile } = model;
      const declared = namesToMap([...metaArgNames(dockerfile), ...PREDEFINED_PLATFORM_ARGS]);
      const candidates = metaArgNames(dockerfile);

      for (const stage of dockerfile.stages) {
        const words = [stage.from.image.value];
        if (stage.from.platform !== undefined) words.push(stage.from.platform);
        for (const word of words) {
          for (const name of unsetVariables(word, declared, dockerfile.escapeToken)) {
            const suggestion = suggestName(name, candidates);
            const hint = suggestion ? ` (did you mean ${suggestion}?)` : '';
            report(stage.from.range, `FROM argument '${name}' is not declared${hint}`);
          }
        }
      }
    },
  },
  {
    id: 'InvalidDefaultArgInFrom',
    aliases: [],
    severity: 'warning',
    buildkit: true,
    fix: 'Give the ARG a default that makes a valid image name (`ARG TAG=3.12-slim`), so the build works without --build-arg.',
    docs: LESSON_LINKS.buildArgs,
    check(model, report) {
      const { dockerfile } = model;
      const defaults = new Map<string, string>();
      for (const instruction of dockerfile.metaArgs) {
        for (const arg of instruction.args) {
          if (arg.default === undefined) continue;
          try {
            defaults.set(arg.name, expandWord(safeDefault(arg.default), defaults, dockerfile.escapeToken));
          } catch {
            // A malformed default fails the build with its own error.
          }
        }
      }
      const declared = new Set(metaArgNames(dockerfile));

      for (const stage of dockerfile.stages) {
        const image = stage.from.image.value;
        if (!image.includes('$')) continue;
        const names: string[] = [];
        let expanded: string;
        try {
          expanded = expandWord(image, defaults, dockerfile.escapeToken, { onUnset: (name) => names.push(name) });
        } catch {
          continue;
        }
        // Undeclared names are UndefinedArgInFrom's finding.
        if (names.some((name) => !declared.has(name))) continue;
        if (expanded === '' || !parseImageReference(expanded)) {
          report(stage.from.range, `Default value for ARG ${image} results in empty or invalid base image name`);
        }
      }
    },
  },
  {
    id: 'UndefinedVar',
    aliases: [],
    severity: 'warning',
    buildkit: true,
    fix: 'Declare the variable with ARG or ENV in this stage before using it; an ARG from before FROM must be declared again inside the stage.',
    docs: LESSON_LINKS.buildArgs,
    check(model, report) {
      const { dockerfile, context } = model;
      const base = [...COMMON_BASE_ENV, ...PREDEFINED_PROXY_ARGS, ...(context.baseImageEnv ?? [])];
      const metaArgs = new Set(metaArgNames(dockerfile));

      dockerfile.stages.forEach((stage, index) => {
        const known = namesToMap(base);
        const parent = parentStageIndex(dockerfile, index);
        if (parent !== undefined) for (const name of stageEnvNames(dockerfile, parent)) known.set(name, '');

        for (const instruction of stage.instructions) {
          const reported = new Set<string>();
          for (const word of expandedWords(instruction)) {
            for (const name of unsetVariables(word, known, dockerfile.escapeToken)) {
              if (reported.has(name)) continue;
              reported.add(name);
              const candidates = [...known.keys()].filter((candidate) => !COMMON_BASE_ENV.includes(candidate) || candidate === 'PATH');
              const suggestion = suggestName(name, candidates);
              const hint = suggestion ? ` (did you mean $${suggestion}?)` : '';
              const message = `Usage of undefined variable '$${name}'${hint}`;
              if (metaArgs.has(name)) {
                const fix = `${name} is declared with ARG before FROM, which makes it visible only in FROM lines; add \`ARG ${name}\` inside this stage.`;
                report(instruction.range, message, { fix });
              } else {
                report(instruction.range, message);
              }
            }
          }

          if (instruction.kind === 'arg') for (const arg of instruction.args) known.set(arg.name, '');
          if (instruction.kind === 'env') for (const pair of instruction.pairs) known.set(pair.key, '');
        }
      });
    },
  },
  {
    id: 'RedundantTargetPlatform',
    aliases: [],
    severity: 'warning',
    buildkit: true,
    fix: 'Drop `--platform=$TARGETPLATFORM`: FROM already pulls for the target platform.',
    docs: LESSON_LINKS.platforms,
    check(model, report) {
      for (const stage of model.dockerfile.stages) {
        const platform = stage.from.platform;
        if (platform === '$TARGETPLATFORM' || platform === '${TARGETPLATFORM}') {
          report(stage.from.range, `Setting platform to predefined ${platform} in FROM is redundant as this is the default behavior`);
        }
      }
    },
  },
  {
    id: 'FromPlatformFlagConstDisallowed',
    aliases: [],
    severity: 'warning',
    buildkit: true,
    fix: 'Use a variable such as `--platform=$BUILDPLATFORM`, or pass `--platform` to docker build, so the same Dockerfile builds for every platform.',
    docs: LESSON_LINKS.platforms,
    check(model, report) {
      for (const stage of model.dockerfile.stages) {
        const platform = stage.from.platform;
        if (platform === undefined || platform.includes('$')) continue;
        // A stage named for its platform, such as `build-amd64`, pins it on purpose.
        const [os = '', arch = ''] = platform.split('/');
        const name = stage.name ?? '';
        if (name !== '' && ((os !== '' && name.includes(os)) || (arch !== '' && name.includes(arch)))) continue;
        report(stage.from.range, `FROM --platform flag should not use constant value ${JSON.stringify(platform)}`);
      }
    },
  },
  {
    id: 'SecretsUsedInArgOrEnv',
    aliases: [],
    severity: 'warning',
    buildkit: true,
    fix: 'Pass secrets with `RUN --mount=type=secret,id=...` at build time or as environment at run time: ARG and ENV values stay readable in `docker history` and `docker inspect`.',
    docs: LESSON_LINKS.secrets,
    check(model, report) {
      for (const instruction of model.dockerfile.instructions) {
        const names =
          instruction.kind === 'arg'
            ? instruction.args.map((arg) => arg.name)
            : instruction.kind === 'env'
              ? instruction.pairs.map((pair) => pair.key)
              : [];
        for (const name of names) {
          if (looksLikeSecret(name)) {
            report(instruction.range, `Do not use ARG or ENV instructions for sensitive data (${instruction.keyword} ${JSON.stringify(name)})`);
          }
        }
      }
    },
  },
];

/** Returns an ARG default that expands without throwing, so `${X:?}` in a default does not stop the check. */
function safeDefault(text: string): string {
  return text.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*):?\?[^}]*\}/g, '$$$1');
}
