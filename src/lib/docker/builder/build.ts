import type { Dockerfile } from '../ast.ts';
import { ParseError } from '../ast.ts';
import { imageIdOf, serializeImageConfig, type ImageConfig } from '../image/config.ts';
import { assertBuildable, expandWord, formatSourceSnippet, parseDockerfile } from '../parser/index.ts';
import { formatFull, parseReference } from '../reference.ts';
import type { ImageStore } from '../store/store.ts';
import type { BuildRecord } from '../store/state.ts';
import { progressSize } from '../units.ts';
import type { FileSystem } from '../../vfs/index.ts';
import { resolveBases } from './bases.ts';
import { loadBuildContext, type BuildContext } from './context.ts';
import { BuildFailure } from './errors.ts';
import { PlainProgress } from './progress.ts';
import type { StageState } from './stage.ts';
import { startStage } from './start-stage.ts';
import { runStep, type StepServices } from './steps.ts';

/** Options of one `docker build` request. */
export type BuildRequest = {
  /** Absolute context folder in the FileSystem. */
  contextDir: string;
  /** Absolute Dockerfile path. */
  dockerfilePath: string;
  /** Dockerfile name as given (`Dockerfile`, `docker/Dockerfile.prod`), for messages. */
  dockerfileName: string;
  tags: string[];
  buildArgs: Record<string, string>;
  target: string | null;
  noCache: boolean;
  /** `--pull`: resolve bases from the registry even when the local store has the image. */
  pull: boolean;
  quiet: boolean;
  /** Command-line arguments, for the build log. */
  args: string[];
};

export type BuildServices = {
  fs: FileSystem;
  store: ImageStore;
  now: () => Date;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Lint warnings for the end-of-build summary; `baseEnv` names the variables the base images define. */
  lint?: (dockerfile: Dockerfile, baseEnv: string[]) => Array<{ rule: string; message: string; line: number }>;
};


/** Pick the stages the target needs: the target, the stages it builds FROM and the stages it COPYs --from. */
function neededStages(dockerfile: Dockerfile, targetIndex: number): Set<number> {
  const needed = new Set<number>();
  const indexOf = (name: string): number => {
    const byName = dockerfile.stages.findIndex((stage) => stage.name === name.toLowerCase());
    if (byName >= 0) return byName;
    return /^\d+$/.test(name) ? Number(name) : -1;
  };
  const visit = (index: number) => {
    if (needed.has(index)) return;
    needed.add(index);
    const stage = dockerfile.stages[index];
    if (stage === undefined) return;
    const base = indexOf(stage.baseImage);
    if (base >= 0 && base < index) visit(base);
    for (const instruction of stage.instructions) {
      if ((instruction.kind === 'copy' || instruction.kind === 'add') && instruction.from !== undefined) {
        const from = indexOf(instruction.from);
        if (from >= 0 && from < index) visit(from);
      }
    }
  };
  visit(targetIndex);
  return needed;
}


/** Print BuildKit's failure block and summary, and return exit code 1. */
function reportFailure(progress: PlainProgress, failure: BuildFailure, dockerfileText: string, dockerfileName: string, services: BuildServices): number {
  if (failure.step !== null) {
    progress.raw('------');
    progress.raw(` > ${failure.step.title}:`);
    for (const line of failure.step.logs.slice(-10)) progress.raw(line);
    progress.raw('------');
  }
  if (failure.range !== null) {
    const snippet = formatSourceSnippet(dockerfileText, dockerfileName.split('/').pop() ?? 'Dockerfile', [failure.range]);
    if (snippet !== '') services.stderr(snippet);
  }
  services.stderr(`ERROR: failed to build: failed to solve: ${failure.summary}\n`);
  return 1;
}

/** Print the lint warnings BuildKit lists after a build. */
function printWarnings(services: BuildServices, dockerfile: Dockerfile, baseEnv: string[]): void {
  const warnings = services.lint?.(dockerfile, baseEnv) ?? [];
  if (warnings.length === 0) return;
  services.stderr(` ${warnings.length} warning${warnings.length === 1 ? '' : 's'} found (use docker --debug to expand):\n`);
  for (const warning of warnings) services.stderr(` - ${warning.rule}: ${warning.message} (line ${warning.line})\n`);
}

/**
 * Run `docker build`: parse the Dockerfile, resolve bases, run each needed
 * stage's steps through the cache, export the image and record the build.
 * Progress goes to stderr as with `--progress=plain`; `-q` prints only the ID.
 */
export async function runBuild(request: BuildRequest, services: BuildServices): Promise<{ exitCode: number; imageId: string | null }> {
  const { store } = services;
  const now = services.now();
  const record: BuildRecord = { time: now.toISOString(), args: request.args, tags: request.tags, dockerfilePath: request.dockerfilePath, dockerfileText: '', contextDigests: {}, steps: [], imageId: null, error: null };
  const finish = (exitCode: number, imageId: string | null, error: string | null) => {
    record.imageId = imageId;
    record.error = error;
    store.recordBuild(record);
    return { exitCode, imageId };
  };
  const progress = new PlainProgress(request.quiet ? () => undefined : services.stderr);
  progress.header();

  // Load the Dockerfile.
  const dockerfileStat = await services.fs.stat(request.dockerfilePath);
  const definition = progress.start(`[internal] load build definition from ${request.dockerfileName.split('/').pop() ?? 'Dockerfile'}`);
  if (dockerfileStat === null || dockerfileStat.kind !== 'file') {
    progress.status(definition, 'transferring dockerfile: 2B done');
    progress.done(definition, 0);
    const message = `failed to read dockerfile: open ${request.dockerfileName.split('/').pop() ?? 'Dockerfile'}: no such file or directory`;
    services.stderr(`ERROR: failed to build: failed to solve: ${message}\n`);
    return finish(1, null, message);
  }
  const text = new TextDecoder().decode(await services.fs.readFile(request.dockerfilePath));
  record.dockerfileText = text;
  progress.status(definition, `transferring dockerfile: ${progressSize(dockerfileStat.size)} done`);
  progress.done(definition, 0);

  let dockerfile: Dockerfile;
  try {
    dockerfile = parseDockerfile(text);
    assertBuildable(dockerfile);
  } catch (error) {
    if (!(error instanceof ParseError)) throw error;
    const snippet = formatSourceSnippet(text, request.dockerfileName.split('/').pop() ?? 'Dockerfile', [error.range]);
    if (snippet !== '') services.stderr(snippet);
    services.stderr(`ERROR: failed to build: failed to solve: ${error.describe()}\n`);
    return finish(1, null, error.describe());
  }

  // Pick the target and the stages it needs.
  let targetIndex = dockerfile.stages.length - 1;
  if (request.target !== null) {
    targetIndex = dockerfile.stages.findIndex((stage) => stage.name === request.target?.toLowerCase());
    if (targetIndex < 0) {
      const message = `target stage "${request.target}" could not be found`;
      services.stderr(`ERROR: failed to build: failed to solve: ${message}\n`);
      return finish(1, null, message);
    }
  }
  const needed = neededStages(dockerfile, targetIndex);

  // Global ARGs (before the first FROM) are visible only to FROM lines.
  const globalArgs = new Map<string, string>();
  for (const instruction of dockerfile.metaArgs) {
    for (const declaration of instruction.args) {
      const value = request.buildArgs[declaration.name] ?? (declaration.default === undefined ? undefined : expandWord(declaration.default, globalArgs, dockerfile.escapeToken));
      if (value !== undefined) globalArgs.set(declaration.name, value);
    }
  }
  for (const [name, value] of Object.entries({ TARGETPLATFORM: 'linux/amd64', TARGETOS: 'linux', TARGETARCH: 'amd64', BUILDPLATFORM: 'linux/amd64', BUILDOS: 'linux', BUILDARCH: 'amd64' })) {
    if (!globalArgs.has(name)) globalArgs.set(name, value);
  }

  // Resolve every base image (BuildKit's "load metadata" vertices).
  const resolved = resolveBases(dockerfile, needed, globalArgs, { store, progress, pull: request.pull });
  if (resolved instanceof BuildFailure) return finish(reportFailure(progress, resolved, text, request.dockerfileName, services), null, resolved.summary);
  const bases = resolved;

  // .dockerignore and the build context.
  const ignoreVertex = progress.start('[internal] load .dockerignore');
  let context: BuildContext;
  context = await loadBuildContext(services.fs, request.contextDir, store.stateDir);
  progress.status(ignoreVertex, `transferring context: ${progressSize(Math.max(2, context.dockerignoreSize))} done`);
  progress.done(ignoreVertex, 0);
  for (const file of context.files.values()) record.contextDigests[file.path] = file.digest;
  const usesContext = [...needed].some((index) => dockerfile.stages[index]?.instructions.some((instruction) => (instruction.kind === 'copy' || instruction.kind === 'add') && instruction.from === undefined));
  if (usesContext) {
    const contextVertex = progress.start('[internal] load build context');
    progress.status(contextVertex, `transferring context: ${progressSize(Math.max(2, context.size))} done`);
    progress.done(contextVertex, 0.01 + context.size / 50_000_000);
  }

  // Run the stages.
  const finished = new Map<number, StageState>();
  const multiStage = dockerfile.stages.length > 1;
  const stepServices: StepServices = {
    store,
    context,
    dockerfile,
    progress,
    now,
    noCache: request.noCache,
    buildArgs: request.buildArgs,
    globalArgs,
    finished,
    stageIndexOf: (name) => {
      const byName = dockerfile.stages.findIndex((stage) => stage.name === name.toLowerCase());
      return byName >= 0 ? byName : /^\d+$/.test(name) ? Number(name) : -1;
    },
    steps: record.steps,
  };
  let newLayerBytes = 0;
  for (const index of [...needed].sort((a, b) => a - b)) {
    const stage = dockerfile.stages[index];
    const base = bases.get(index);
    if (stage === undefined || base === undefined) continue;
    const label = multiStage ? `${stage.name ?? `stage-${index}`} ` : '';
    const state = startStage(stage, index, label, base, finished, store, progress, record.steps, now);
    try {
      for (const instruction of stage.instructions) newLayerBytes += await runStep(instruction, state, stepServices);
    } catch (error) {
      if (!(error instanceof BuildFailure)) throw error;
      return finish(reportFailure(progress, error, text, request.dockerfileName, services), null, error.summary);
    }
    finished.set(index, state);
  }

  // Export the target stage as an image.
  const target = finished.get(targetIndex);
  if (target === undefined) throw new Error(`target stage ${targetIndex} was not built`);
  const config: ImageConfig = {
    architecture: 'amd64',
    config: { ...target.config },
    // NOTE: BuildKit stamps the export time; here `created` is the newest history row's time, so an all-CACHED rebuild keeps its image ID.
    created: target.lastCreated,
    history: target.history,
    os: 'linux',
    rootfs: { type: 'layers', diff_ids: target.diffIds },
  };
  const configText = serializeImageConfig(config);
  const imageId = imageIdOf(config);
  store.putImage(imageId, configText, target.baseKey);
  const exportVertex = progress.start('exporting to image');
  const exportSeconds = newLayerBytes / 150_000_000;
  progress.status(exportVertex, newLayerBytes > 0 ? `exporting layers ${exportSeconds.toFixed(1)}s done` : 'exporting layers done');
  progress.status(exportVertex, `writing image ${imageId} done`);
  for (const tag of request.tags) {
    store.tag(imageId, tag, now);
    progress.status(exportVertex, `naming to ${formatFull(parseReference(tag))} done`);
  }
  progress.done(exportVertex, exportSeconds + 0.05);
  if (request.quiet) services.stdout(`${imageId}\n`);
  const baseEnv = [...finished.values()].flatMap((state) => (state.base?.env ?? []).map((entry) => entry.slice(0, entry.indexOf('='))));
  // buildx prints no warning summary in quiet mode, so `-q` leaves only the image ID.
  if (!request.quiet) printWarnings(services, dockerfile, [...new Set(baseEnv)]);
  return finish(0, imageId, null);
}
