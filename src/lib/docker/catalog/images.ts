import { alpine, debianBookwormFull, debianBookwormSlim, ubuntu, type OsBase } from './os.ts';
import type { BaseImage } from './types.ts';

/*
 * The base image catalog: real Docker Hub images with sizes, environment and
 * history close to the amd64 images of late 2025. Sizes are estimates of
 * what `docker images` shows (uncompressed), within a few MB of the real ones.
 * Each image appears once per release; floating tags live in `floating.ts`.
 */

const pythonGpgKeys: Record<string, string> = {
  '3.12': '7169605F62C751356D054A26A821E680E5FA6305',
  '3.13': '7169605F62C751356D054A26A821E680E5FA6305',
};

type PythonVariant = 'full' | 'slim' | 'alpine';

/** Build the official python image of one release and variant. */
function pythonImage(version: string, variant: PythonVariant, created: string, osBase: OsBase): BaseImage {
  const minor = version.split('.').slice(0, 2).join('.');
  const suffix = variant === 'full' ? '' : `-${variant}`;
  const osSuffix = variant === 'slim' ? `slim-${osBase.codename}` : osBase.codename;
  const runtimeSize = { full: 58_600_000, slim: 52_200_000, alpine: 48_200_000 }[variant];
  const depsSize = { full: 824_000_000, slim: 3_950_000, alpine: 1_010_000 }[variant];
  const history = [
    { createdBy: osBase.rootfsCreatedBy, size: osBase.rootfsSize },
    ...(variant === 'alpine' ? [{ createdBy: 'CMD ["/bin/sh"]' }] : [{ createdBy: 'CMD ["bash"]' }]),
    { createdBy: 'ENV PATH=/usr/local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' },
    { createdBy: 'ENV LANG=C.UTF-8' },
    {
      createdBy:
        variant === 'alpine'
          ? 'RUN /bin/sh -c set -eux; \tapk add --no-cache \t\tca-certificates \t\ttzdata \t; # buildkit'
          : variant === 'slim'
            ? 'RUN /bin/sh -c set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tca-certificates \t\tnetbase \t\ttzdata \t; \trm -rf /var/lib/apt/lists/* # buildkit'
            : 'RUN /bin/sh -c set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tlibbluetooth-dev \t\ttk-dev \t\tuuid-dev \t; \trm -rf /var/lib/apt/lists/* # buildkit',
      size: depsSize,
    },
    { createdBy: `ENV GPG_KEY=${pythonGpgKeys[minor] ?? pythonGpgKeys['3.12']}` },
    { createdBy: `ENV PYTHON_VERSION=${version}` },
    { createdBy: `ENV PYTHON_SHA256=${pseudoHex(`python-${version}`)}` },
    {
      createdBy:
        'RUN /bin/sh -c set -eux; \t\tsavedAptMark="$(apt-mark showmanual)"; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tdpkg-dev \t\tgcc \t\tgnupg \t\tlibbz2-dev \t\tlibffi-dev \t\tlibssl-dev \t\tmake \t\twget \t\tzlib1g-dev \t; \t\twget -O python.tar.xz "https://www.python.org/ftp/python/${PYTHON_VERSION%%[a-z]*}/Python-$PYTHON_VERSION.tar.xz"; \t./configure --enable-optimizations --with-lto; \tmake -j "$(nproc)"; \tmake install; \t\tpython3 --version; \tpip3 --version # buildkit',
      size: runtimeSize,
    },
    {
      createdBy:
        'RUN /bin/sh -c set -eux; \tfor src in idle3 pip3 pydoc3 python3 python3-config; do \t\tdst="$(echo "$src" | tr -d 3)"; \t\t[ -s "/usr/local/bin/$src" ]; \t\t[ ! -e "/usr/local/bin/$dst" ]; \t\tln -svT "$src" "/usr/local/bin/$dst"; \tdone # buildkit',
      size: 36,
    },
    { createdBy: 'CMD ["python3"]' },
  ];
  return {
    repository: 'library/python',
    canonicalTag: `${version}-${osSuffix}`,
    pinnedTags: variant === 'full' ? [version, `${version}-${osSuffix}`] : [`${version}${suffix}`, `${version}-${osSuffix}`],
    os: osBase.os,
    osName: osBase.osName,
    osVersionId: osBase.osVersionId,
    created,
    history,
    env: [
      'PATH=/usr/local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
      'LANG=C.UTF-8',
      `GPG_KEY=${pythonGpgKeys[minor] ?? pythonGpgKeys['3.12']}`,
      `PYTHON_VERSION=${version}`,
      `PYTHON_SHA256=${pseudoHex(`python-${version}`)}`,
    ],
    cmd: ['python3'],
    entrypoint: null,
    workdir: '',
    user: '',
    exposedPorts: [],
    labels: {},
    tools: { python: version, bash: osBase.bash },
    users: osBase.users,
    files: {},
  };
}

type NodeVariant = 'full' | 'slim' | 'alpine';

/** Build the official node image of one release and variant. */
function nodeImage(version: string, variant: NodeVariant, npm: string, created: string, osBase: OsBase): BaseImage {
  const suffix = variant === 'full' ? '' : `-${variant}`;
  const osSuffix = variant === 'slim' ? `${osBase.codename}-slim` : osBase.codename;
  const nodeSize = { full: 196_000_000, slim: 186_000_000, alpine: 146_000_000 }[variant];
  const depsSize = { full: 780_000_000, slim: 0, alpine: 0 }[variant];
  const history = [
    { createdBy: osBase.rootfsCreatedBy, size: osBase.rootfsSize },
    { createdBy: variant === 'alpine' ? 'CMD ["/bin/sh"]' : 'CMD ["bash"]' },
    ...(depsSize > 0 ? [{ createdBy: 'RUN /bin/sh -c set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tautoconf \t\tbuild-essential \t\tgit \t\tpython3 \t; \trm -rf /var/lib/apt/lists/* # buildkit', size: depsSize }] : []),
    {
      createdBy:
        variant === 'alpine'
          ? 'RUN /bin/sh -c addgroup -g 1000 node     && adduser -u 1000 -G node -s /bin/sh -D node # buildkit'
          : 'RUN /bin/sh -c groupadd --gid 1000 node   && useradd --uid 1000 --gid node --shell /bin/bash --create-home node # buildkit',
      size: 8_600,
    },
    { createdBy: `ENV NODE_VERSION=${version}` },
    {
      createdBy:
        'RUN /bin/sh -c ARCH= && dpkgArch="$(dpkg --print-architecture)"   && case "${dpkgArch##*-}" in amd64) ARCH=\'x64\';; esac   && curl -fsSLO --compressed "https://nodejs.org/dist/v$NODE_VERSION/node-v$NODE_VERSION-linux-$ARCH.tar.xz"   && tar -xJf "node-v$NODE_VERSION-linux-$ARCH.tar.xz" -C /usr/local --strip-components=1 --no-same-owner   && node --version   && npm --version # buildkit',
      size: nodeSize,
    },
    { createdBy: 'ENV YARN_VERSION=1.22.22' },
    { createdBy: 'RUN /bin/sh -c set -ex   && curl -fsSLO --compressed "https://yarnpkg.com/downloads/$YARN_VERSION/yarn-v$YARN_VERSION.tar.gz"   && yarn --version # buildkit', size: 5_340_000 },
    { createdBy: 'COPY docker-entrypoint.sh /usr/local/bin/ # buildkit', size: 388 },
    { createdBy: 'ENTRYPOINT ["docker-entrypoint.sh"]' },
    { createdBy: 'CMD ["node"]' },
  ];
  return {
    repository: 'library/node',
    canonicalTag: `${version}-${osSuffix}`,
    pinnedTags: variant === 'full' ? [version, `${version}-${osSuffix}`] : [`${version}${suffix}`, `${version}-${osSuffix}`],
    os: osBase.os,
    osName: osBase.osName,
    osVersionId: osBase.osVersionId,
    created,
    history,
    env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', `NODE_VERSION=${version}`, 'YARN_VERSION=1.22.22'],
    cmd: ['node'],
    entrypoint: ['docker-entrypoint.sh'],
    workdir: '',
    user: '',
    exposedPorts: [],
    labels: {},
    tools: { node: version, npm, bash: osBase.bash },
    users: [...osBase.users, { name: 'node', uid: 1000, gid: 1000, home: '/home/node', shell: variant === 'alpine' ? '/bin/sh' : '/bin/bash' }],
    files: { '/usr/local/bin/docker-entrypoint.sh': '#!/bin/sh\nset -e\nexec "$@"\n' },
  };
}

/** Build the official nginx image of one release (Debian or Alpine based). */
function nginxImage(version: string, created: string, osBase: OsBase): BaseImage {
  const isAlpine = osBase.os === 'alpine';
  return {
    repository: 'library/nginx',
    canonicalTag: isAlpine ? `${version}-alpine` : `${version}-bookworm`,
    pinnedTags: isAlpine ? [`${version}-alpine`, `${version}-${osBase.codename}`] : [version, `${version}-bookworm`],
    os: osBase.os,
    osName: osBase.osName,
    osVersionId: osBase.osVersionId,
    created,
    history: [
      { createdBy: osBase.rootfsCreatedBy, size: osBase.rootfsSize },
      { createdBy: isAlpine ? 'CMD ["/bin/sh"]' : 'CMD ["bash"]' },
      { createdBy: 'LABEL maintainer=NGINX Docker Maintainers <docker-maint@nginx.com>' },
      { createdBy: `ENV NGINX_VERSION=${version}` },
      { createdBy: 'RUN /bin/sh -c set -x     && groupadd --system --gid 101 nginx     && useradd --system --gid nginx --no-create-home --home /nonexistent --shell /bin/false --uid 101 nginx     && apt-get update     && apt-get install --no-install-recommends --no-install-suggests -y nginx     && ln -sf /dev/stdout /var/log/nginx/access.log     && ln -sf /dev/stderr /var/log/nginx/error.log # buildkit', size: isAlpine ? 40_100_000 : 117_000_000 },
      { createdBy: 'COPY docker-entrypoint.sh / # buildkit', size: 1_620 },
      { createdBy: 'ENTRYPOINT ["/docker-entrypoint.sh"]' },
      { createdBy: 'EXPOSE map[80/tcp:{}]' },
      { createdBy: 'STOPSIGNAL SIGQUIT' },
      { createdBy: 'CMD ["nginx" "-g" "daemon off;"]' },
    ],
    env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', `NGINX_VERSION=${version}`],
    cmd: ['nginx', '-g', 'daemon off;'],
    entrypoint: ['/docker-entrypoint.sh'],
    workdir: '',
    user: '',
    exposedPorts: ['80/tcp'],
    stopSignal: 'SIGQUIT',
    labels: { maintainer: 'NGINX Docker Maintainers <docker-maint@nginx.com>' },
    tools: { nginx: version, bash: osBase.bash },
    users: [...osBase.users, { name: 'nginx', uid: 101, gid: 101, home: '/nonexistent', shell: '/bin/false' }],
    files: {
      '/etc/nginx/nginx.conf': 'user  nginx;\nworker_processes  auto;\nevents {\n    worker_connections  1024;\n}\nhttp {\n    include /etc/nginx/conf.d/*.conf;\n}\n',
      '/usr/share/nginx/html/index.html': '<!DOCTYPE html>\n<html>\n<head>\n<title>Welcome to nginx!</title>\n</head>\n<body>\n<h1>Welcome to nginx!</h1>\n</body>\n</html>\n',
      '/docker-entrypoint.sh': '#!/bin/sh\nset -e\nexec "$@"\n',
    },
  };
}

/** Build a plain operating-system image (debian, ubuntu, alpine). */
function osImage(repository: string, canonicalTag: string, pinnedTags: string[], created: string, osBase: OsBase): BaseImage {
  const shellCmd = osBase.os === 'alpine' ? ['/bin/sh'] : ['bash'];
  const history =
    osBase.os === 'ubuntu'
      ? [
          { createdBy: '/bin/sh -c #(nop)  ARG RELEASE' },
          { createdBy: `/bin/sh -c #(nop)  LABEL org.opencontainers.image.version=${osBase.osVersionId}` },
          { createdBy: osBase.rootfsCreatedBy, size: osBase.rootfsSize },
          { createdBy: '/bin/sh -c #(nop)  CMD ["/bin/bash"]' },
        ]
      : [
          { createdBy: osBase.rootfsCreatedBy, size: osBase.rootfsSize },
          { createdBy: `CMD ${JSON.stringify(shellCmd).replace(/","/g, '" "')}` },
        ];
  return {
    repository,
    canonicalTag,
    pinnedTags,
    os: osBase.os,
    osName: osBase.osName,
    osVersionId: osBase.osVersionId,
    created,
    history,
    env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
    cmd: osBase.os === 'ubuntu' ? ['/bin/bash'] : shellCmd,
    entrypoint: null,
    workdir: '',
    user: '',
    exposedPorts: [],
    labels: osBase.os === 'ubuntu' ? { 'org.opencontainers.image.ref.name': 'ubuntu', 'org.opencontainers.image.version': osBase.osVersionId } : {},
    tools: { bash: osBase.bash },
    users: osBase.users,
    files: {},
  };
}

/** Build the NVIDIA CUDA runtime image on Ubuntu 22.04 (about 3 GB on disk; an estimate). */
function cudaRuntimeImage(cudaVersion: string, created: string): BaseImage {
  const osBase = ubuntu('22.04', '5f1be8ac2b0c4f6a1b0a2f3e4d5c6b7a8f9e0d1c2b3a4f5e6d7c8b9a0f1e2d3c');
  const minor = cudaVersion.split('.').slice(0, 2).join('.');
  const tag = `${cudaVersion}-runtime-ubuntu22.04`;
  return {
    ...osImage('nvidia/cuda', tag, [tag], created, osBase),
    history: [
      { createdBy: '/bin/sh -c #(nop)  ARG RELEASE' },
      { createdBy: osBase.rootfsCreatedBy, size: osBase.rootfsSize },
      { createdBy: '/bin/sh -c #(nop)  CMD ["/bin/bash"]' },
      { createdBy: 'ENV NVARCH=x86_64' },
      { createdBy: `ENV NVIDIA_REQUIRE_CUDA=cuda>=${minor} brand=tesla,driver>=470,driver<471` },
      { createdBy: 'RUN |1 TARGETARCH=amd64 /bin/sh -c apt-get update && apt-get install -y --no-install-recommends     gnupg2 curl ca-certificates && curl -fsSLO https://developer.download.nvidia.com/compute/cuda/repos/ubuntu2204/x86_64/cuda-keyring_1.1-1_all.deb # buildkit', size: 10_700_000 },
      { createdBy: `ENV CUDA_VERSION=${cudaVersion}` },
      { createdBy: 'RUN |1 TARGETARCH=amd64 /bin/sh -c apt-get update && apt-get install -y --no-install-recommends     cuda-cudart-12-4     cuda-compat-12-4     && rm -rf /var/lib/apt/lists/* # buildkit', size: 160_000_000 },
      { createdBy: 'ENV PATH=/usr/local/nvidia/bin:/usr/local/cuda/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' },
      { createdBy: 'ENV LD_LIBRARY_PATH=/usr/local/nvidia/lib:/usr/local/nvidia/lib64' },
      { createdBy: 'ENV NVIDIA_VISIBLE_DEVICES=all' },
      { createdBy: 'ENV NVIDIA_DRIVER_CAPABILITIES=compute,utility' },
      { createdBy: 'RUN |1 TARGETARCH=amd64 /bin/sh -c apt-get update && apt-get install -y --no-install-recommends     libcublas-12-4     libnpp-12-4     libcusparse-12-4     && rm -rf /var/lib/apt/lists/* # buildkit', size: 2_760_000_000 },
      { createdBy: 'COPY entrypoint.d/ /opt/nvidia/entrypoint.d/ # buildkit', size: 3_000 },
      { createdBy: 'ENTRYPOINT ["/opt/nvidia/nvidia_entrypoint.sh"]' },
    ],
    env: [
      'PATH=/usr/local/nvidia/bin:/usr/local/cuda/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
      'NVARCH=x86_64',
      `NVIDIA_REQUIRE_CUDA=cuda>=${minor} brand=tesla,driver>=470,driver<471`,
      `CUDA_VERSION=${cudaVersion}`,
      'LD_LIBRARY_PATH=/usr/local/nvidia/lib:/usr/local/nvidia/lib64',
      'NVIDIA_VISIBLE_DEVICES=all',
      'NVIDIA_DRIVER_CAPABILITIES=compute,utility',
    ],
    entrypoint: ['/opt/nvidia/nvidia_entrypoint.sh'],
    cmd: null,
    labels: { maintainer: 'NVIDIA CORPORATION <cudatools@nvidia.com>' },
    tools: { cuda: cudaVersion, bash: true },
  };
}

/** Return a stable 64-hex string for data fields that real images fill with checksums. */
function pseudoHex(seed: string): string {
  let hex = '';
  let state = 2166136261;
  while (hex.length < 64) {
    for (const char of `${seed}${hex.length}`) state = Math.imul(state ^ char.charCodeAt(0), 16777619) >>> 0;
    hex += state.toString(16).padStart(8, '0');
  }
  return hex.slice(0, 64);
}

const bookwormOld = debianBookwormSlim('1728259200');
const bookworm = debianBookwormSlim('1751241600');
const bookwormNext = debianBookwormSlim('1763337600');
const bookwormFull = debianBookwormFull('1751241600');
const bookwormFullNext = debianBookwormFull('1763337600');

/** Every image of the catalog, oldest release first. */
export const baseImages: BaseImage[] = [
  pythonImage('3.12.7', 'slim', '2024-10-02T01:12:44Z', bookwormOld),
  pythonImage('3.12.7', 'full', '2024-10-02T01:10:03Z', debianBookwormFull('1728259200')),
  pythonImage('3.12.7', 'alpine', '2024-10-02T01:05:21Z', alpine('3.20.3')),
  pythonImage('3.12.11', 'slim', '2025-07-01T18:25:51Z', bookworm),
  pythonImage('3.12.11', 'full', '2025-07-01T18:20:09Z', bookwormFull),
  pythonImage('3.12.11', 'alpine', '2025-07-01T18:02:44Z', alpine('3.20.6')),
  pythonImage('3.12.12', 'slim', '2025-11-18T09:41:12Z', bookwormNext),
  pythonImage('3.12.12', 'full', '2025-11-18T09:37:40Z', bookwormFullNext),
  pythonImage('3.12.12', 'alpine', '2025-11-18T09:30:02Z', alpine('3.20.8')),
  pythonImage('3.11.13', 'slim', '2025-06-04T02:11:40Z', bookworm),
  pythonImage('3.11.13', 'full', '2025-06-04T02:08:12Z', bookwormFull),
  pythonImage('3.11.13', 'alpine', '2025-06-04T01:59:33Z', alpine('3.20.6')),
  pythonImage('3.11.14', 'slim', '2025-10-10T07:52:09Z', bookwormNext),
  pythonImage('3.11.14', 'full', '2025-10-10T07:49:51Z', bookwormFullNext),
  pythonImage('3.11.14', 'alpine', '2025-10-10T07:41:27Z', alpine('3.20.8')),
  pythonImage('3.13.5', 'slim', '2025-07-01T18:31:07Z', bookworm),
  pythonImage('3.13.5', 'full', '2025-07-01T18:28:55Z', bookwormFull),
  pythonImage('3.13.5', 'alpine', '2025-07-01T18:07:19Z', alpine('3.20.6')),
  pythonImage('3.13.9', 'slim', '2025-11-18T09:47:33Z', bookwormNext),
  pythonImage('3.13.9', 'full', '2025-11-18T09:45:01Z', bookwormFullNext),
  pythonImage('3.13.9', 'alpine', '2025-11-18T09:33:48Z', alpine('3.20.8')),
  nodeImage('20.19.3', 'slim', '10.8.2', '2025-06-24T15:20:44Z', bookworm),
  nodeImage('20.19.3', 'alpine', '10.8.2', '2025-06-24T15:16:09Z', alpine('3.20.6')),
  nodeImage('20.19.3', 'full', '10.8.2', '2025-06-24T15:27:31Z', bookwormFull),
  nodeImage('22.17.0', 'slim', '10.9.2', '2025-06-25T20:02:11Z', bookworm),
  nodeImage('22.17.0', 'alpine', '10.9.2', '2025-06-25T19:58:40Z', alpine('3.20.6')),
  nodeImage('22.17.0', 'full', '10.9.2', '2025-06-25T20:10:37Z', bookwormFull),
  nodeImage('22.21.1', 'slim', '10.9.4', '2025-11-12T04:15:22Z', bookwormNext),
  nodeImage('22.21.1', 'alpine', '10.9.4', '2025-11-12T04:11:06Z', alpine('3.20.8')),
  nodeImage('22.21.1', 'full', '10.9.4', '2025-11-12T04:20:50Z', bookwormFullNext),
  nodeImage('24.4.0', 'slim', '11.4.2', '2025-07-10T00:33:18Z', bookworm),
  nodeImage('24.4.0', 'alpine', '11.4.2', '2025-07-10T00:29:51Z', alpine('3.20.6')),
  nodeImage('24.4.0', 'full', '11.4.2', '2025-07-10T00:40:02Z', bookwormFull),
  nodeImage('24.11.1', 'slim', '11.6.2', '2025-11-12T04:25:42Z', bookwormNext),
  nodeImage('24.11.1', 'alpine', '11.6.2', '2025-11-12T04:22:13Z', alpine('3.20.8')),
  nodeImage('24.11.1', 'full', '11.6.2', '2025-11-12T04:31:29Z', bookwormFullNext),
  osImage('library/debian', 'bookworm-20250630-slim', ['bookworm-20250630-slim', '12.11-slim'], '2025-06-30T00:00:00Z', bookworm),
  osImage('library/debian', 'bookworm-20251117-slim', ['bookworm-20251117-slim', '12.12-slim'], '2025-11-17T00:00:00Z', bookwormNext),
  osImage('library/debian', 'bookworm-20250630', ['bookworm-20250630', '12.11'], '2025-06-30T00:00:00Z', { ...bookworm, rootfsSize: 117_000_000 }),
  osImage('library/debian', 'bookworm-20251117', ['bookworm-20251117', '12.12'], '2025-11-17T00:00:00Z', { ...bookwormNext, rootfsSize: 117_000_000 }),
  osImage('library/ubuntu', 'jammy-20250530', ['jammy-20250530', '22.04-jammy-20250530'], '2025-05-30T04:02:12Z', ubuntu('22.04', 'e0d1c2b3a4f5e6d7c8b9a0f1e2d3c4b5a6978877665544332211009988776655')),
  osImage('library/ubuntu', 'noble-20250619', ['noble-20250619', '24.04-noble-20250619'], '2025-06-19T06:11:37Z', ubuntu('24.04', 'a1b2f7e1d0c3b4a59687f0e1d2c3b4a5968778695a4b3c2d1e0f9a8b7c6d5e4f')),
  osImage('library/ubuntu', 'noble-20251013', ['noble-20251013', '24.04-noble-20251013'], '2025-10-13T05:48:10Z', ubuntu('24.04', 'c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3')),
  osImage('library/alpine', '3.20.6', ['3.20.6'], '2025-02-14T03:28:36Z', alpine('3.20.6')),
  osImage('library/alpine', '3.20.8', ['3.20.8'], '2025-10-08T11:04:58Z', alpine('3.20.8')),
  osImage('library/alpine', '3.22.2', ['3.22.2'], '2025-10-08T11:09:13Z', { ...alpine('3.22.2'), rootfsSize: 8_320_000 }),
  nginxImage('1.27.5', '2025-04-16T22:13:09Z', bookworm),
  nginxImage('1.27.5', '2025-04-16T22:05:50Z', { ...alpine('3.21.3'), codename: 'alpine3.21' }),
  nginxImage('1.29.3', '2025-10-28T19:55:24Z', bookwormNext),
  nginxImage('1.29.3', '2025-10-28T19:49:10Z', { ...alpine('3.22.2'), codename: 'alpine3.22' }),
  cudaRuntimeImage('12.4.1', '2024-04-22T21:09:31Z'),
  cudaRuntimeImage('12.6.3', '2024-11-22T17:31:14Z'),
];
