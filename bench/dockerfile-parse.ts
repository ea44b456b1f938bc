/**
 * Times Slipway's Dockerfile parser and linter, and compares the parser with
 * dockerfile-ast's DockerfileParser.parse on the same inputs in one run.
 *
 * Run: npx node bench/dockerfile-parse.ts [iterations]
 * Prints median and p95 per input after a warm-up, as a Markdown table.
 */
import { performance } from 'node:perf_hooks';
import dockerfileAst from 'dockerfile-ast';
import { lintDockerfile } from '../src/lib/docker/lint/index.ts';
import { parseDockerfile } from '../src/lib/docker/parser/index.ts';

const ITERATIONS = Number(process.argv[2] ?? 300);
const WARMUP = Math.max(50, Math.floor(ITERATIONS / 5));

/** Builds one stage of a realistic model-server Dockerfile with `size` instructions. */
function stage(index: number, size: number): string[] {
  const lines: string[] = [`FROM python:3.12-slim AS stage${index}`];
  const templates: ((i: number) => string)[] = [
    (i) => `ENV APP_HOME=/srv/app${i} PORT=80${i % 10} MODEL_DIR="/models/v${i}"`,
    (i) => `RUN apt-get update \\\n    && apt-get install -y --no-install-recommends curl=7.88.1-10 git=1:2.39.5 \\\n    # keep the image small\n    && rm -rf /var/lib/apt/lists/*  # ${i}`,
    (i) => `COPY --chown=app:app requirements${i}.txt /srv/app/`,
    (i) => `RUN pip install --no-cache-dir -r /srv/app/requirements${i}.txt`,
    (i) => `ARG BUILD_${i}=default-${i}`,
    (i) => `LABEL org.opencontainers.image.version="1.${i}.0" org.opencontainers.image.source=https://example.org/repo${i}`,
    (i) => `WORKDIR /srv/app/${i}`,
    (i) => `RUN <<EOF\nset -eu\necho "step ${i}" > /tmp/step${i}\npython -c 'print(${i})'\nEOF`,
    (i) => `EXPOSE 80${i % 10}/tcp`,
    (i) => `COPY ["src/module${i}.py", "/srv/app/src/"]`,
    (i) => `RUN --mount=type=cache,target=/root/.cache/pip pip install "fastapi==0.115.${i % 10}" uvicorn==0.30.${i % 5}`,
    (i) => `USER app${i % 3}`,
  ];
  for (let i = 0; lines.length < size; i++) {
    const template = templates[i % templates.length];
    if (template) lines.push(template(index * 1000 + i));
  }
  lines.push('HEALTHCHECK --interval=30s --timeout=3s CMD ["curl", "-f", "http://localhost:8080/health"]');
  lines.push('CMD ["uvicorn", "app:main", "--host", "0.0.0.0", "--port", "8080"]');
  return lines;
}

/** Returns a Dockerfile of about `count` instructions spread over four stages. */
function largeDockerfile(count: number): string {
  const lines: string[] = ['# syntax=docker/dockerfile:1', '# check=skip=JSONArgsRecommended', 'ARG PYTHON_VERSION=3.12'];
  for (let s = 0; s < 4; s++) lines.push(...stage(s, count / 4 - 2), '');
  return lines.join('\n') + '\n';
}

const LAB_FILES: Record<string, string> = {
  'lab: naive model server': `FROM python
WORKDIR /app
COPY . .
RUN pip install -r requirements.txt
EXPOSE 8080
CMD python serve.py
`,
  'lab: layered model server': `# syntax=docker/dockerfile:1
FROM python:3.12-slim AS base
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
WORKDIR /app
RUN apt-get update \\
    && apt-get install -y --no-install-recommends libgomp1=12.2.0-14 \\
    && rm -rf /var/lib/apt/lists/*
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY model/ ./model/
COPY serve.py .
RUN useradd --create-home app
USER app
EXPOSE 8080
HEALTHCHECK --interval=30s CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://localhost:8080/health')"]
CMD ["uvicorn", "serve:app", "--host", "0.0.0.0", "--port", "8080"]
`,
  'lab: multi-stage build': `ARG PYTHON_VERSION=3.12
FROM python:\${PYTHON_VERSION}-slim AS build
WORKDIR /build
COPY requirements.txt .
RUN pip wheel --no-cache-dir --wheel-dir /wheels -r requirements.txt
FROM python:\${PYTHON_VERSION}-slim AS runtime
WORKDIR /app
COPY --from=build /wheels /wheels
RUN pip install --no-cache-dir /wheels/* && rm -rf /wheels
COPY . .
USER 1000
CMD ["python", "serve.py"]
`,
};

/** Median and p95 of one input, in milliseconds of wall-clock time and of process CPU time. */
interface Timing {
  median: number;
  p95: number;
  cpuMedian: number;
  cpuP95: number;
}

/** Returns the value at quantile `q` of sorted samples. */
function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

/**
 * Runs `work` repeatedly and returns wall-clock and CPU-time quantiles.
 * CPU time (process.cpuUsage, user + system) leaves out the time the process
 * waits for a core, which dominates wall-clock numbers on a loaded machine.
 */
function measure(work: () => unknown): Timing {
  for (let i = 0; i < WARMUP; i++) work();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    work();
    wall.push(performance.now() - start);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  wall.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return { median: quantile(wall, 0.5), p95: quantile(wall, 0.95), cpuMedian: quantile(cpu, 0.5), cpuP95: quantile(cpu, 0.95) };
}

function format(ms: number): string {
  return ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : `${ms.toFixed(2)} ms`;
}

const inputs: [string, string][] = [['1,000 instructions', largeDockerfile(1000)], ...Object.entries(LAB_FILES)];
const { DockerfileParser } = dockerfileAst;

console.log(`Dockerfile parse benchmark: ${ITERATIONS} iterations after ${WARMUP} warm-up, node ${process.version}`);
console.log('Each cell: median / p95 wall-clock time, then [median / p95 CPU time].');
console.log('| input | lines | instructions | parse | parse + lint | dockerfile-ast parse | speed-up (median wall / CPU) |');
console.log('| --- | ---: | ---: | --- | --- | --- | --- |');

for (const [name, text] of inputs) {
  const count = parseDockerfile(text).instructions.length;
  const lines = text.split('\n').length;
  const ours = measure(() => parseDockerfile(text));
  const withLint = measure(() => lintDockerfile(parseDockerfile(text)));
  const theirs = measure(() => DockerfileParser.parse(text));
  const cell = (timing: Timing): string =>
    `${format(timing.median)} / ${format(timing.p95)} [${format(timing.cpuMedian)} / ${format(timing.cpuP95)}]`;
  const speedup = `${(theirs.median / ours.median).toFixed(1)}x / ${(theirs.cpuMedian / ours.cpuMedian).toFixed(1)}x`;
  console.log(`| ${name} | ${lines} | ${count} | ${cell(ours)} | ${cell(withLint)} | ${cell(theirs)} | ${speedup} |`);
}
