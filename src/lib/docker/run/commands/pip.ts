import { sha256Digest } from '../../digest.ts';
import type { CommandHandler } from '../command.ts';
import { absolute, which, type RunContext } from '../context.ts';
import { pythonPackages, type PythonPackage } from '../packages.ts';

type Requirement = { name: string; version: string | null; source: string | null };

/** Normalise a distribution name as pip compares them (PEP 503). */
function canonicalName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

/** Parse one requirement specifier (`numpy==2.1.3`, `uvicorn[standard]>=0.30`). */
function parseRequirement(spec: string, source: string | null): Requirement | null {
  const match = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)(\[[^\]]*\])?\s*(?:(==|>=|<=|~=|!=|>|<)\s*([^\s,;#]+))?/.exec(spec);
  if (match === null) return null;
  return { name: canonicalName(match[1] ?? ''), version: match[3] === '==' ? (match[4] ?? null) : null, source };
}

/** Format a wheel size as pip does (`16.3 MB`, `94 kB`). */
function pipSize(bytes: number): string {
  return bytes >= 1_000_000 ? `${(bytes / 1_000_000).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1000))} kB`;
}

/** Return the wheel file name pip downloads for a package on this Python. */
function wheelName(name: string, version: string, python: string, info: PythonPackage | undefined): string {
  const tag = `cp${python.split('.').slice(0, 2).join('')}`;
  const pure = info === undefined || info.size < 3_000_000;
  const file = name.replace(/-/g, '_');
  return pure ? `${file}-${version}-py3-none-any.whl` : `${file}-${version}-${tag}-${tag}-manylinux_2_17_x86_64.manylinux2014_x86_64.whl`;
}

/** Return the wheel size of a package (400 kB for packages the table does not list). */
function wheel(info: PythonPackage | undefined): number {
  return info?.wheel ?? 400_000;
}

/** Read `-r` files: one requirement a line, comments and blank lines skipped. */
async function readRequirementsFile(context: RunContext, path: string, streams: { stderr: (text: string) => void }): Promise<Requirement[] | null> {
  const text = await context.readText(absolute(context, path));
  if (text === undefined) {
    streams.stderr(`ERROR: Could not open requirements file: [Errno 2] No such file or directory: '${path}'`);
    return null;
  }
  const requirements: Requirement[] = [];
  text.split('\n').forEach((line, index) => {
    const trimmed = line.replace(/#.*/, '').trim();
    if (trimmed === '' || trimmed.startsWith('-')) return;
    const requirement = parseRequirement(trimmed, `-r ${path} (line ${index + 1})`);
    if (requirement !== null) requirements.push(requirement);
  });
  return requirements;
}

/** Model `pip install` (also reached through `pip3` and `python -m pip`). */
export const pip: CommandHandler = async (args, context, streams) => {
  const python = context.python;
  if (python === undefined) {
    streams.stderr('/usr/bin/python3: No module named pip');
    return 1;
  }
  const minor = python.split('.').slice(0, 2).join('.');
  const [action, ...rest] = args;
  if (action === '--version' || action === '-V') {
    streams.stdout(`pip 24.2 from /usr/local/lib/python${minor}/site-packages/pip (python ${minor})`);
    return 0;
  }
  if (action === 'freeze' || action === 'list') return 0;
  if (action !== 'install') {
    streams.stderr(`ERROR: unknown command "${action ?? ''}"`);
    return 1;
  }

  const requested: Requirement[] = [];
  let noCache = context.env.get('PIP_NO_CACHE_DIR') !== undefined && !['0', 'false', 'off'].includes((context.env.get('PIP_NO_CACHE_DIR') ?? '').toLowerCase());
  let userInstall = false;
  let quiet = false;
  for (let index = 0; index < rest.length; index += 1) {
    const arg = rest[index] ?? '';
    if (arg === '-r' || arg === '--requirement' || arg.startsWith('-r') || arg.startsWith('--requirement=')) {
      const file = arg === '-r' || arg === '--requirement' ? rest[++index] : arg.startsWith('--requirement=') ? arg.slice('--requirement='.length) : arg.slice(2);
      if (file === undefined) {
        streams.stderr('\nUsage:   \n  pip install [options] <requirement specifier> [package-index-options] ...\n\n-r option requires 1 argument');
        return 2;
      }
      const fromFile = await readRequirementsFile(context, file, streams);
      if (fromFile === null) return 1;
      requested.push(...fromFile);
    } else if (arg === '--no-cache-dir') noCache = true;
    else if (arg === '--user') userInstall = true;
    else if (arg === '-q' || arg === '--quiet') quiet = true;
    else if (['-i', '--index-url', '--extra-index-url', '-c', '--constraint', '-f', '--find-links', '--root-user-action'].includes(arg)) index += 1;
    else if (arg.startsWith('-')) continue;
    else {
      const requirement = parseRequirement(arg, null);
      if (requirement !== null) requested.push(requirement);
    }
  }
  if (requested.length === 0) {
    streams.stderr('ERROR: You must give at least one requirement to install (see "pip help install")');
    return 1;
  }

  // The first pip on PATH decides where packages go: a virtual environment's own site-packages, or the system one.
  const pipPath = which(context, 'pip') ?? '';
  const venv = pipPath.endsWith('/bin/pip') && context.fs.exists(`${pipPath.slice(0, -'/bin/pip'.length)}/pyvenv.cfg`) ? pipPath.slice(0, -'/bin/pip'.length) : null;
  const home = context.user.uid === 0 ? '/root' : `/home/${context.user.name}`;
  const rootInstall = context.user.uid === 0 && !userInstall;
  let sitePackages = rootInstall ? `/usr/local/lib/python${minor}/site-packages` : `${home}/.local/lib/python${minor}/site-packages`;
  if (venv !== null) sitePackages = `${venv}/lib/python${minor}/site-packages`;
  let scriptDirectory = rootInstall ? '/usr/local/bin' : `${home}/.local/bin`;
  if (venv !== null) scriptDirectory = `${venv}/bin`;
  if (venv === null && !rootInstall && !userInstall) streams.stdout('Defaulting to user installation because normal site-packages is not writeable');

  // Resolve dependencies depth first, so each package comes after what it needs.
  const order: Array<{ name: string; version: string; pinned: boolean; info: PythonPackage | undefined; source: string }> = [];
  const seen = new Set<string>();
  const visit = (requirement: Requirement, source: string) => {
    if (seen.has(requirement.name)) return;
    seen.add(requirement.name);
    const info = pythonPackages[requirement.name];
    const item = { name: requirement.name, version: requirement.version ?? info?.version ?? '1.0.0', pinned: requirement.version !== null, info, source };
    order.push(item);
    for (const dependency of info?.deps ?? []) visit({ name: dependency, version: null, source: null }, `from ${requirement.name}`);
    installOrder.push(item);
  };
  // `order` is the order pip collects in; `installOrder` puts dependencies before what needs them, as pip installs.
  const installOrder: typeof order = [];
  for (const requirement of requested) visit(requirement, requirement.source === null ? '' : `from ${requirement.source}`);

  const isInstalled = (name: string) => context.fs.exists(`${sitePackages}/${name.replace(/-/g, '_')}`);
  const toInstall = installOrder.filter(({ name }) => !isInstalled(name));
  // pip 24 first resolves every requirement from its metadata file, then downloads the wheels.
  for (const { name, version, pinned, info, source } of order) {
    if (isInstalled(name)) {
      if (!quiet) streams.stdout(`Requirement already satisfied: ${name} in ${sitePackages} (${version})`);
      continue;
    }
    context.elapsed += 0.25;
    if (quiet) continue;
    streams.stdout(`Collecting ${name}${pinned ? `==${version}` : ''}${source === '' ? '' : ` (${source})`}`);
    streams.stdout(`  Downloading ${wheelName(name, version, python, info)}.metadata (${pipSize(2_000 + (wheel(info) % 60_000))})`);
  }
  for (const { name, version, info } of order.filter((item) => !isInstalled(item.name))) {
    const size = wheel(info);
    context.elapsed += 0.05 + size / 45_000_000;
    if (quiet) continue;
    streams.stdout(`Downloading ${wheelName(name, version, python, info)} (${pipSize(size)})`);
    if (size > 5_000_000) {
      const megabytes = (size / 1_000_000).toFixed(1);
      streams.stdout(`   ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━ ${megabytes}/${megabytes} MB ${(45 + (size % 7)).toFixed(1)} MB/s eta 0:00:00`);
    }
  }
  const unknown = toInstall.filter(({ info }) => info === undefined).map(({ name }) => name);
  if (unknown.length > 0) streams.stdout(`simulated: ${unknown.join(', ')} not in Slipway's package table; installed size estimated at 1 MB each`);
  if (toInstall.length > 0 && !quiet) streams.stdout(`Installing collected packages: ${toInstall.map(({ name }) => name).join(', ')}`);
  for (const { name, version, info } of toInstall) {
    const module = name.replace(/-/g, '_');
    const size = info?.size ?? 1_000_000;
    context.elapsed += 0.05 + size / 300_000_000;
    context.fs.ensureParents(`${sitePackages}/${module}/__init__.py`, context.user);
    context.fs.put(`${sitePackages}/${module}`, { type: 'dir', mode: 0o755, uid: context.user.uid, gid: context.user.gid, size: 0 });
    context.fs.put(`${sitePackages}/${module}/__init__.py`, { type: 'file', mode: 0o644, uid: context.user.uid, gid: context.user.gid, size, synthetic: true, digest: sha256Digest(`wheel ${name} ${version}`) });
    context.fs.put(`${sitePackages}/${module}-${version}.dist-info`, { type: 'dir', mode: 0o755, uid: context.user.uid, gid: context.user.gid, size: 0 });
    for (const script of info?.scripts ?? []) {
      // Console scripts go next to the interpreter: the venv's bin, /usr/local/bin, or ~/.local/bin for --user installs.
      const path = `${scriptDirectory}/${script}`;
      context.fs.ensureParents(path, context.user);
      context.fs.put(path, { type: 'file', mode: 0o755, uid: context.user.uid, gid: context.user.gid, size: 220, synthetic: true, digest: sha256Digest(`console script ${script} ${version}`) });
    }
    if (!noCache) {
      const cached = `${home}/.cache/pip/http-v2/${sha256Digest(name).slice(7, 9)}/${module}-${version}.body`;
      context.fs.ensureParents(cached, context.user);
      context.fs.put(cached, { type: 'file', mode: 0o600, uid: context.user.uid, gid: context.user.gid, size: wheel(info), synthetic: true, digest: sha256Digest(`wheel file ${name} ${version}`) });
    }
  }
  if (toInstall.length > 0) {
    // pip lists what it installed sorted by name.
    const installed = toInstall.map(({ name, version }) => `${name}-${version}`).sort();
    streams.stdout(`Successfully installed ${installed.join(' ')}`);
  }
  if (venv === null && rootInstall && !args.some((arg) => arg.startsWith('--root-user-action')) && context.env.get('PIP_ROOT_USER_ACTION') !== 'ignore') {
    streams.stderr(
      "WARNING: Running pip as the 'root' user can result in broken permissions and conflicting behaviour with the system package manager, possibly rendering your system unusable. It is recommended to use a virtual environment instead: https://pip.pypa.io/warnings/venv. Use the --root-user-action option if you want to disable this warning.",
    );
  }
  return 0;
};
