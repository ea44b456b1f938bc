/** Operating-system family of a base image; it decides the shell, package manager and tool flags. */
export type OsFamily = 'debian' | 'ubuntu' | 'alpine';

/** One row of a base image's history, as `docker history` shows it. */
export type BaseHistoryEntry = {
  createdBy: string;
  /** Uncompressed bytes the step added; absent for metadata-only steps (`empty_layer`). */
  size?: number;
};

/** Local account in the image's /etc/passwd. */
export type ImageUser = { name: string; uid: number; gid: number; home: string; shell: string };

/** Runtimes and tools installed in a base image, read by the RUN model. */
export type BaseTools = {
  python?: string;
  node?: string;
  npm?: string;
  nginx?: string;
  cuda?: string;
  bash: boolean;
};

/** A concrete base image of the catalog: one release of one variant. */
export type BaseImage = {
  /** Repository path on Docker Hub (`library/python`, `nvidia/cuda`). */
  repository: string;
  /** Most specific tag, which never moves (`3.12.7-slim-bookworm`). */
  canonicalTag: string;
  /** Every tag that always names this image. */
  pinnedTags: string[];
  os: OsFamily;
  /** PRETTY_NAME of /etc/os-release. */
  osName: string;
  osVersionId: string;
  /** RFC 3339 time the image was built upstream. */
  created: string;
  history: BaseHistoryEntry[];
  env: string[];
  cmd: string[] | null;
  entrypoint: string[] | null;
  workdir: string;
  user: string;
  exposedPorts: string[];
  stopSignal?: string;
  labels: Record<string, string>;
  tools: BaseTools;
  users: ImageUser[];
  /** Extra files present in the image, path to text content. */
  files: Record<string, string>;
};
