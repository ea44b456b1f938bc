/*
 * Installed sizes of common packages, in bytes: estimates from the wheels on
 * PyPI and the Debian/Alpine package indexes of 2025, rounded. Dependencies
 * are listed so `pip install fastapi` installs starlette and pydantic too.
 */

/** A Python distribution: default version, installed size, wheel size, dependencies and console scripts. */
export type PythonPackage = { version: string; size: number; wheel: number; deps: string[]; scripts?: string[] };

export const pythonPackages: Record<string, PythonPackage> = {
  numpy: { version: '2.1.3', size: 39_000_000, wheel: 16_300_000, deps: [] },
  pandas: { version: '2.2.3', size: 71_000_000, wheel: 12_700_000, deps: ['numpy', 'python-dateutil', 'pytz', 'tzdata'] },
  'python-dateutil': { version: '2.9.0.post0', size: 800_000, wheel: 229_000, deps: ['six'] },
  six: { version: '1.16.0', size: 60_000, wheel: 11_000, deps: [] },
  pytz: { version: '2024.2', size: 2_800_000, wheel: 508_000, deps: [] },
  tzdata: { version: '2024.2', size: 1_900_000, wheel: 346_000, deps: [] },
  'scikit-learn': { version: '1.5.2', size: 45_000_000, wheel: 13_300_000, deps: ['numpy', 'scipy', 'joblib', 'threadpoolctl'] },
  scipy: { version: '1.14.1', size: 112_000_000, wheel: 41_200_000, deps: ['numpy'] },
  joblib: { version: '1.4.2', size: 1_100_000, wheel: 301_000, deps: [] },
  threadpoolctl: { version: '3.5.0', size: 80_000, wheel: 18_000, deps: [] },
  torch: { version: '2.5.1', size: 1_640_000_000, wheel: 906_400_000, deps: ['filelock', 'typing-extensions', 'sympy', 'networkx', 'jinja2', 'fsspec', 'nvidia-cudnn-cu12', 'nvidia-cublas-cu12', 'nvidia-nccl-cu12', 'triton'] },
  'nvidia-cudnn-cu12': { version: '9.1.0.70', size: 1_250_000_000, wheel: 664_800_000, deps: [] },
  'nvidia-cublas-cu12': { version: '12.4.5.8', size: 740_000_000, wheel: 363_400_000, deps: [] },
  'nvidia-nccl-cu12': { version: '2.21.5', size: 330_000_000, wheel: 188_700_000, deps: [] },
  triton: { version: '3.1.0', size: 480_000_000, wheel: 209_500_000, deps: [] },
  filelock: { version: '3.16.1', size: 60_000, wheel: 16_000, deps: [] },
  'typing-extensions': { version: '4.12.2', size: 150_000, wheel: 37_000, deps: [] },
  sympy: { version: '1.13.1', size: 29_000_000, wheel: 6_200_000, deps: ['mpmath'] },
  mpmath: { version: '1.3.0', size: 2_400_000, wheel: 536_000, deps: [] },
  networkx: { version: '3.4.2', size: 8_500_000, wheel: 1_700_000, deps: [] },
  jinja2: { version: '3.1.4', size: 700_000, wheel: 133_000, deps: ['markupsafe'] },
  markupsafe: { version: '3.0.2', size: 60_000, wheel: 23_000, deps: [] },
  fsspec: { version: '2024.10.0', size: 1_200_000, wheel: 179_000, deps: [] },
  onnxruntime: { version: '1.20.1', size: 18_500_000, wheel: 13_300_000, deps: ['numpy', 'protobuf', 'flatbuffers', 'coloredlogs', 'packaging', 'sympy'] },
  protobuf: { version: '5.28.3', size: 1_800_000, wheel: 316_000, deps: [] },
  flatbuffers: { version: '24.3.25', size: 100_000, wheel: 26_000, deps: [] },
  coloredlogs: { version: '15.0.1', size: 200_000, wheel: 46_000, deps: ['humanfriendly'] },
  humanfriendly: { version: '10.0', size: 400_000, wheel: 86_000, deps: [] },
  packaging: { version: '24.2', size: 300_000, wheel: 65_000, deps: [] },
  fastapi: { version: '0.115.5', size: 600_000, wheel: 94_000, deps: ['starlette', 'pydantic', 'typing-extensions'] },
  starlette: { version: '0.41.3', size: 500_000, wheel: 73_000, deps: ['anyio'] },
  anyio: { version: '4.6.2.post1', size: 400_000, wheel: 90_000, deps: ['idna', 'sniffio'] },
  sniffio: { version: '1.3.1', size: 30_000, wheel: 10_000, deps: [] },
  idna: { version: '3.10', size: 400_000, wheel: 70_000, deps: [] },
  pydantic: { version: '2.10.2', size: 2_000_000, wheel: 456_000, deps: ['pydantic-core', 'annotated-types', 'typing-extensions'] },
  'pydantic-core': { version: '2.27.1', size: 5_200_000, wheel: 2_100_000, deps: [] },
  'annotated-types': { version: '0.7.0', size: 50_000, wheel: 13_000, deps: [] },
  uvicorn: { version: '0.32.1', size: 300_000, wheel: 63_000, deps: ['click', 'h11'], scripts: ['uvicorn'] },
  click: { version: '8.1.7', size: 400_000, wheel: 97_000, deps: [] },
  h11: { version: '0.14.0', size: 200_000, wheel: 58_000, deps: [] },
  gunicorn: { version: '23.0.0', size: 400_000, wheel: 85_000, deps: ['packaging'], scripts: ['gunicorn'] },
  flask: { version: '3.1.0', size: 300_000, wheel: 102_000, deps: ['werkzeug', 'jinja2', 'itsdangerous', 'click', 'blinker'], scripts: ['flask'] },
  werkzeug: { version: '3.1.3', size: 1_000_000, wheel: 224_000, deps: ['markupsafe'] },
  itsdangerous: { version: '2.2.0', size: 60_000, wheel: 16_000, deps: [] },
  blinker: { version: '1.9.0', size: 40_000, wheel: 8_500, deps: [] },
  requests: { version: '2.32.3', size: 400_000, wheel: 64_000, deps: ['urllib3', 'idna', 'charset-normalizer', 'certifi'] },
  urllib3: { version: '2.2.3', size: 500_000, wheel: 126_000, deps: [] },
  'charset-normalizer': { version: '3.4.0', size: 500_000, wheel: 142_000, deps: [] },
  certifi: { version: '2024.8.30', size: 300_000, wheel: 167_000, deps: [] },
  xgboost: { version: '2.1.3', size: 310_000_000, wheel: 153_900_000, deps: ['numpy', 'scipy', 'nvidia-nccl-cu12'] },
  lightgbm: { version: '4.5.0', size: 9_000_000, wheel: 3_600_000, deps: ['numpy', 'scipy'] },
  transformers: { version: '4.46.3', size: 46_000_000, wheel: 10_000_000, deps: ['numpy', 'tokenizers', 'huggingface-hub', 'safetensors', 'regex', 'pyyaml', 'tqdm', 'requests', 'packaging', 'filelock'] },
  tokenizers: { version: '0.20.3', size: 8_400_000, wheel: 3_000_000, deps: [] },
  'huggingface-hub': { version: '0.26.3', size: 2_500_000, wheel: 447_000, deps: [] },
  safetensors: { version: '0.4.5', size: 1_100_000, wheel: 435_000, deps: [] },
  regex: { version: '2024.11.6', size: 2_600_000, wheel: 797_000, deps: [] },
  pyyaml: { version: '6.0.2', size: 2_300_000, wheel: 751_000, deps: [] },
  tqdm: { version: '4.67.1', size: 300_000, wheel: 78_000, deps: [] },
  'python-multipart': { version: '0.0.17', size: 100_000, wheel: 24_000, deps: [] },
  pillow: { version: '11.0.0', size: 14_000_000, wheel: 4_400_000, deps: [] },
  matplotlib: { version: '3.9.2', size: 28_000_000, wheel: 8_300_000, deps: ['numpy', 'pillow', 'packaging'] },
  mlflow: { version: '2.18.0', size: 130_000_000, wheel: 27_400_000, deps: ['numpy', 'pandas', 'scikit-learn', 'flask', 'requests'], scripts: ['mlflow'] },
  psycopg2: { version: '2.9.10', size: 1_000_000, wheel: 385_000, deps: [] },
  'psycopg2-binary': { version: '2.9.10', size: 8_900_000, wheel: 3_000_000, deps: [] },
};

/** A Debian or Alpine package: installed size, download size and the commands it provides. */
export type OsPackage = { size: number; download: number; version: string; binaries: string[]; recommends?: number };

export const debianPackages: Record<string, OsPackage> = {
  curl: { size: 500_000, download: 315_000, version: '7.88.1-10+deb12u8', binaries: ['/usr/bin/curl'], recommends: 6_400_000 },
  wget: { size: 3_600_000, download: 984_000, version: '1.21.3-1+b2', binaries: ['/usr/bin/wget'], recommends: 1_000_000 },
  'ca-certificates': { size: 390_000, download: 158_000, version: '20230311', binaries: [], recommends: 3_000_000 },
  git: { size: 40_000_000, download: 7_300_000, version: '1:2.39.5-0+deb12u1', binaries: ['/usr/bin/git'], recommends: 18_000_000 },
  'build-essential': { size: 250_000_000, download: 64_000_000, version: '12.9', binaries: ['/usr/bin/gcc', '/usr/bin/g++', '/usr/bin/make'], recommends: 60_000_000 },
  gcc: { size: 190_000_000, download: 48_000_000, version: '4:12.2.0-3', binaries: ['/usr/bin/gcc'], recommends: 20_000_000 },
  'g++': { size: 210_000_000, download: 52_000_000, version: '4:12.2.0-3', binaries: ['/usr/bin/g++'], recommends: 20_000_000 },
  make: { size: 1_600_000, download: 396_000, version: '4.3-4.1', binaries: ['/usr/bin/make'] },
  libgomp1: { size: 330_000, download: 116_000, version: '12.2.0-14', binaries: [] },
  'libpq-dev': { size: 2_900_000, download: 146_000, version: '15.10-0+deb12u1', binaries: [], recommends: 9_000_000 },
  'libgl1': { size: 700_000, download: 92_000, version: '1.6.0-1', binaries: [], recommends: 40_000_000 },
  'libglib2.0-0': { size: 4_300_000, download: 1_400_000, version: '2.74.6-2+deb12u5', binaries: [], recommends: 3_000_000 },
  procps: { size: 2_400_000, download: 709_000, version: '2:4.0.2-3', binaries: ['/usr/bin/ps', '/usr/bin/top'] },
  vim: { size: 39_000_000, download: 1_600_000, version: '2:9.0.1378-2', binaries: ['/usr/bin/vim'] },
  nano: { size: 2_800_000, download: 689_000, version: '7.2-1+deb12u1', binaries: ['/usr/bin/nano'] },
  unzip: { size: 400_000, download: 166_000, version: '6.0-28', binaries: ['/usr/bin/unzip'] },
  tini: { size: 900_000, download: 247_000, version: '0.19.0-1', binaries: ['/usr/bin/tini'] },
  'python3-pip': { size: 12_000_000, download: 1_300_000, version: '23.0.1+dfsg-1', binaries: ['/usr/bin/pip3'], recommends: 180_000_000 },
  python3: { size: 30_000_000, download: 5_500_000, version: '3.11.2-1+b1', binaries: ['/usr/bin/python3'], recommends: 10_000_000 },
  bash: { size: 7_000_000, download: 1_500_000, version: '5.2.15-2+b7', binaries: ['/bin/bash'] },
  sudo: { size: 6_100_000, download: 1_900_000, version: '1.9.13p3-1+deb12u1', binaries: ['/usr/bin/sudo'] },
};

export const alpinePackages: Record<string, OsPackage> = {
  curl: { size: 900_000, download: 260_000, version: '8.11.1-r0', binaries: ['/usr/bin/curl'] },
  bash: { size: 1_600_000, download: 440_000, version: '5.2.26-r0', binaries: ['/bin/bash'] },
  'ca-certificates': { size: 700_000, download: 163_000, version: '20241121-r0', binaries: [] },
  git: { size: 15_000_000, download: 4_700_000, version: '2.45.2-r0', binaries: ['/usr/bin/git'] },
  'build-base': { size: 220_000_000, download: 62_000_000, version: '0.5-r3', binaries: ['/usr/bin/gcc', '/usr/bin/make'] },
  gcc: { size: 130_000_000, download: 36_000_000, version: '13.2.1_git20240309-r0', binaries: ['/usr/bin/gcc'] },
  'musl-dev': { size: 3_200_000, download: 1_100_000, version: '1.2.5-r0', binaries: [] },
  libgomp: { size: 300_000, download: 112_000, version: '13.2.1_git20240309-r0', binaries: [] },
  tini: { size: 30_000, download: 9_000, version: '0.19.0-r3', binaries: ['/sbin/tini'] },
  shadow: { size: 3_100_000, download: 700_000, version: '4.15.1-r0', binaries: ['/usr/sbin/useradd', '/usr/sbin/groupadd'] },
  tzdata: { size: 1_600_000, download: 400_000, version: '2024b-r0', binaries: [] },
};

/** Return a size estimate for a package the tables do not list (a small library). */
export function unknownPackage(name: string): OsPackage {
  return { size: 1_500_000, download: 500_000, version: 'latest', binaries: name.match(/^[a-z0-9]+$/) ? [`/usr/bin/${name}`] : [] };
}
