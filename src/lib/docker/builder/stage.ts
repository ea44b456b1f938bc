import type { BaseImage } from '../catalog/index.ts';
import type { ContainerConfig, HistoryEntry } from '../image/config.ts';
import type { ImageFilesystem } from '../image/filesystem.ts';

/** Build state of one stage as its instructions run. */
export type StageState = {
  index: number;
  name: string | undefined;
  /** Prefix of step titles: `` for single-stage builds, `build ` in multi-stage ones. */
  label: string;
  totalSteps: number;
  stepNumber: number;
  fs: ImageFilesystem;
  config: ContainerConfig;
  history: HistoryEntry[];
  diffIds: string[];
  /** Catalog image the stage's files start from (null for scratch). */
  base: BaseImage | null;
  baseKey: string | null;
  /** Cache key of the state so far: each step hashes it with its own inputs. */
  cacheKey: string;
  /** ARGs declared in this stage, with their value (undefined: declared without a value). */
  args: Map<string, string | undefined>;
  /** Creation time of the newest layer so far; metadata rows reuse it so cached rebuilds keep the image ID. */
  lastCreated: string;
};

/** Return the variables visible to expansion: stage ARGs, then ENV (ENV wins on a clash). */
export function variablesOf(stage: StageState): Map<string, string> {
  const vars = new Map<string, string>();
  for (const [name, value] of stage.args) if (value !== undefined) vars.set(name, value);
  for (const entry of stage.config.Env ?? []) {
    const cut = entry.indexOf('=');
    vars.set(entry.slice(0, cut), entry.slice(cut + 1));
  }
  return vars;
}

/** Set or replace one `KEY=value` in an Env list. */
export function setEnv(env: string[], key: string, value: string): string[] {
  const next = env.filter((entry) => !entry.startsWith(`${key}=`));
  const index = env.findIndex((entry) => entry.startsWith(`${key}=`));
  if (index < 0) return [...next, `${key}=${value}`];
  const copy = [...env];
  copy[index] = `${key}=${value}`;
  return copy;
}
