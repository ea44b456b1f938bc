import type { Instruction } from '../../ast.ts';
import { LESSON_LINKS } from '../docs.ts';
import type { Rule } from '../types.ts';

/** Stage names BuildKit reserves for its own sources. */
const RESERVED_STAGE_NAMES = new Set(['context', 'scratch']);

/** Returns 'upper', 'lower' or 'mixed' for a keyword as written. */
function casingOf(word: string): 'upper' | 'lower' | 'mixed' {
  if (word === word.toUpperCase()) return 'upper';
  if (word === word.toLowerCase()) return 'lower';
  return 'mixed';
}

/** Returns every instruction, with ONBUILD triggers after their ONBUILD. */
function withTriggers(instructions: readonly Instruction[]): Instruction[] {
  const out: Instruction[] = [];
  for (const instruction of instructions) {
    out.push(instruction);
    if (instruction.kind === 'onbuild') out.push(instruction.trigger);
  }
  return out;
}

/** Returns the argument text of instructions that fell back to shell form although they look like exec form. */
function brokenExecForm(instruction: Instruction): string | undefined {
  const forms = ['run', 'cmd', 'entrypoint', 'copy', 'add', 'volume'];
  if (!forms.includes(instruction.kind) || !('form' in instruction) || instruction.form !== 'shell') return undefined;
  // `RUN [ -f x ] && ...` is a shell test, so only bracketed lists with commas or one single-quoted item count.
  const text = instruction.argsText;
  const looksLikeArray = /^\[.*\]$/.test(text) && (text.includes(',') || /^\[\s*'[^']*'\s*\]$/.test(text));
  return looksLikeArray ? text : undefined;
}

/** Dockerfile syntax and style checks, BuildKit's and Slipway's. */
export const syntaxRules: Rule[] = [
  {
    id: 'InvalidExecForm',
    aliases: [],
    severity: 'error',
    buildkit: false,
    fix: 'Write the exec form as a JSON array with double quotes: `CMD ["python", "app.py"]`.',
    docs: LESSON_LINKS.execForm,
    check(model, report) {
      for (const instruction of withTriggers(model.dockerfile.instructions)) {
        const text = brokenExecForm(instruction);
        if (text === undefined) continue;
        const quotes = text.includes("'") ? ' (JSON needs double quotes)' : '';
        const effect =
          instruction.kind === 'copy' || instruction.kind === 'add' || instruction.kind === 'volume'
            ? 'so Docker splits it on spaces and the brackets and commas become part of the paths'
            : `so Docker runs the text through /bin/sh -c, which fails with "not found"`;
        report(instruction.range, `${instruction.keyword} ${text} is not a valid JSON array${quotes}, ${effect}`, {
          severity: instruction.kind === 'volume' ? 'warning' : 'error',
        });
      }
    },
  },
  {
    id: 'StageNameCasing',
    aliases: [],
    severity: 'warning',
    buildkit: true,
    fix: 'Write stage names in lower case, as BuildKit stores them.',
    docs: LESSON_LINKS.multiStage,
    check(model, report) {
      for (const stage of model.dockerfile.stages) {
        const written = stage.from.stageName;
        if (written && written.value !== written.value.toLowerCase()) {
          report(stage.from.range, `Stage name '${written.value}' should be lowercase`);
        }
      }
    },
  },
  {
    id: 'FromAsCasing',
    aliases: [],
    severity: 'warning',
    buildkit: true,
    fix: 'Write AS in the same case as FROM: `FROM image AS name` or `from image as name`.',
    docs: LESSON_LINKS.syntax,
    check(model, report) {
      for (const stage of model.dockerfile.stages) {
        const from = stage.from;
        if (!from.asKeyword) continue;
        const fromCase = casingOf(from.keywordAsWritten);
        const asCase = casingOf(from.asKeyword);
        const mismatch = (fromCase === 'upper' && asCase !== 'upper') || (fromCase === 'lower' && asCase !== 'lower');
        if (mismatch) {
          report(from.range, `'${from.asKeyword}' and '${from.keywordAsWritten}' keywords' casing do not match`);
        }
      }
    },
  },
  {
    id: 'NoEmptyContinuation',
    aliases: [],
    severity: 'warning',
    buildkit: true,
    fix: 'Delete the empty line inside the continued instruction, or end the instruction before it.',
    docs: LESSON_LINKS.syntax,
    check(model, report) {
      for (const warning of model.dockerfile.warnings) {
        if (warning.rule === 'NoEmptyContinuation') report(warning.range, warning.message);
      }
    },
  },
  {
    id: 'ConsistentInstructionCasing',
    aliases: [],
    severity: 'warning',
    buildkit: true,
    fix: 'Write every instruction keyword in the same case, upper case by convention.',
    docs: LESSON_LINKS.syntax,
    check(model, report) {
      const all = withTriggers(model.dockerfile.instructions);
      let upper = 0;
      let lower = 0;
      for (const instruction of all) {
        const casing = casingOf(instruction.keywordAsWritten);
        if (casing === 'upper') upper++;
        else if (casing === 'lower') lower++;
      }

      const majority = lower > upper ? 'lower' : 'upper';
      const majorityName = majority === 'upper' ? 'uppercase' : 'lowercase';
      for (const instruction of all) {
        if (casingOf(instruction.keywordAsWritten) !== majority) {
          report(
            instruction.range,
            `Command '${instruction.keywordAsWritten}' should match the case of the command majority (${majorityName})`,
          );
        }
      }
    },
  },
  {
    id: 'DuplicateStageName',
    aliases: ['DL3024'],
    severity: 'warning',
    buildkit: true,
    fix: 'Give each stage its own name, so `COPY --from` and `--target` pick the stage you mean.',
    docs: LESSON_LINKS.multiStage,
    check(model, report) {
      const seen = new Set<string>();
      for (const stage of model.dockerfile.stages) {
        if (stage.name === undefined) continue;
        if (seen.has(stage.name)) {
          report(stage.from.range, `Duplicate stage name ${JSON.stringify(stage.name)}, stage names should be unique`);
        }
        seen.add(stage.name);
      }
    },
  },
  {
    id: 'ReservedStageName',
    aliases: [],
    severity: 'warning',
    buildkit: true,
    fix: 'Rename the stage: `scratch` and `context` are names BuildKit already uses.',
    docs: LESSON_LINKS.multiStage,
    check(model, report) {
      for (const stage of model.dockerfile.stages) {
        if (stage.name !== undefined && RESERVED_STAGE_NAMES.has(stage.name)) {
          report(stage.from.range, `Stage name should not use the same name as reserved stage ${JSON.stringify(stage.name)}`);
        }
      }
    },
  },
  {
    id: 'MaintainerDeprecated',
    aliases: ['DL4000'],
    severity: 'warning',
    buildkit: true,
    fix: 'Replace MAINTAINER with `LABEL org.opencontainers.image.authors="name <email>"`.',
    docs: LESSON_LINKS.syntax,
    check(model, report) {
      for (const instruction of withTriggers(model.dockerfile.instructions)) {
        if (instruction.kind === 'maintainer') {
          report(instruction.range, 'Maintainer instruction is deprecated in favor of using label');
        }
      }
    },
  },
  {
    id: 'LegacyKeyValueFormat',
    aliases: [],
    severity: 'warning',
    buildkit: true,
    fix: 'Write `ENV KEY=value` (quote values with spaces): the `ENV KEY value` form sets only one variable and reads ambiguously.',
    docs: LESSON_LINKS.syntax,
    check(model, report) {
      for (const instruction of withTriggers(model.dockerfile.instructions)) {
        if ((instruction.kind === 'env' || instruction.kind === 'label') && instruction.pairs.some((pair) => pair.legacy)) {
          const name = instruction.keyword;
          report(instruction.range, `"${name} key=value" should be used instead of legacy "${name} key value" format`);
        }
      }
    },
  },
  {
    id: 'ExposeProtoCasing',
    aliases: [],
    severity: 'warning',
    buildkit: true,
    fix: 'Write the protocol in lower case: `8080/tcp` or `53/udp`.',
    docs: LESSON_LINKS.exposeDocuments,
    check(model, report) {
      for (const instruction of model.dockerfile.instructions) {
        if (instruction.kind !== 'expose') continue;
        for (const port of instruction.ports) {
          const slash = port.value.indexOf('/');
          const protocol = slash === -1 ? '' : port.value.slice(slash + 1);
          if (protocol !== protocol.toLowerCase()) {
            report(instruction.range, `Defined protocol '${port.value}' in EXPOSE instruction should be lowercase`);
          }
        }
      }
    },
  },
  {
    id: 'ExposeInvalidFormat',
    aliases: [],
    severity: 'warning',
    buildkit: true,
    fix: 'EXPOSE takes the container port only (`EXPOSE 8080`); choose the host port at run time with `docker run -p 8080:8080`.',
    docs: LESSON_LINKS.exposeDocuments,
    check(model, report) {
      for (const instruction of model.dockerfile.instructions) {
        if (instruction.kind !== 'expose') continue;
        for (const port of instruction.ports) {
          // A colon inside `${PORT:-8080}` is a default value, not a host mapping.
          if (port.value.replace(/\$\{[^}]*\}/g, '').includes(':')) {
            report(
              instruction.range,
              `EXPOSE instruction should not define an IP address or host-port mapping, found '${port.value}'`,
            );
          }
        }
      }
    },
  },
];
