import { sha256Digest } from '../digest.ts';
import { goJson } from './gojson.ts';

/** Health check of a container config (durations in nanoseconds, as Docker stores them). */
export type HealthConfig = {
  Test: string[];
  Interval?: number;
  Timeout?: number;
  StartPeriod?: number;
  StartInterval?: number;
  Retries?: number;
};

/** Runtime defaults of an image (`config` in the image config JSON), field order as moby writes it. */
export type ContainerConfig = {
  User?: string;
  ExposedPorts?: Record<string, Record<string, never>>;
  Env?: string[];
  Entrypoint?: string[] | null;
  Cmd?: string[] | null;
  Volumes?: Record<string, Record<string, never>>;
  WorkingDir?: string;
  Labels?: Record<string, string>;
  StopSignal?: string;
  ArgsEscaped?: boolean;
  Healthcheck?: HealthConfig;
  OnBuild?: string[];
  Shell?: string[];
};

/** One row of the image's build history. */
export type HistoryEntry = {
  created: string;
  created_by: string;
  comment?: string;
  empty_layer?: boolean;
};

/** Image config JSON (OCI image config with Docker's fields); its SHA-256 is the image ID. */
export type ImageConfig = {
  architecture: 'amd64';
  config: ContainerConfig;
  created: string;
  history: HistoryEntry[];
  os: 'linux';
  rootfs: { type: 'layers'; diff_ids: string[] };
};

const configOrder: Array<keyof ContainerConfig> = [
  'User', 'ExposedPorts', 'Env', 'Entrypoint', 'Cmd', 'Volumes', 'WorkingDir', 'Labels', 'StopSignal', 'ArgsEscaped', 'Healthcheck', 'OnBuild', 'Shell',
];

/** Copy a container config with keys in moby's order and empty fields dropped (Go's omitempty). */
export function canonicalContainerConfig(config: ContainerConfig): ContainerConfig {
  const out: Record<string, unknown> = {};
  for (const key of configOrder) {
    const value = config[key];
    if (value === undefined || value === null || value === '' || value === false) continue;
    if (Array.isArray(value) && value.length === 0 && key !== 'Cmd') continue;
    if (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0) continue;
    out[key] = value;
  }
  return out as ContainerConfig;
}

/** Serialise an image config to the exact bytes that are hashed and stored. */
export function serializeImageConfig(image: ImageConfig): string {
  return goJson({
    architecture: image.architecture,
    config: canonicalContainerConfig(image.config),
    created: image.created,
    history: image.history.map((entry) => {
      const row: Record<string, unknown> = { created: entry.created, created_by: entry.created_by };
      if (entry.comment !== undefined) row.comment = entry.comment;
      if (entry.empty_layer === true) row.empty_layer = true;
      return row;
    }),
    os: image.os,
    rootfs: { type: 'layers', diff_ids: image.rootfs.diff_ids },
  });
}

/** Compute the image ID: `sha256:` of the serialised config. */
export function imageIdOf(image: ImageConfig): string {
  return sha256Digest(serializeImageConfig(image));
}
