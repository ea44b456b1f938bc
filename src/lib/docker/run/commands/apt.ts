import { sha256Digest } from '../../digest.ts';
import type { CommandHandler } from '../command.ts';
import { splitOptions } from '../context.ts';
import { debianPackages, unknownPackage } from '../packages.ts';

const listsDir = '/var/lib/apt/lists';

/** Format a byte count as apt does (`1,234 kB`, `12.3 MB`). */
function aptSize(bytes: number): string {
  if (bytes < 1_000_000) return `${Math.max(1, Math.round(bytes / 1000)).toLocaleString('en-US')} kB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

/** Model `apt-get` (and `apt`): update, install, clean, remove. */
export const aptGet: CommandHandler = async (args, context, streams) => {
  const { flags, operands } = splitOptions(args);
  const [action, ...packages] = operands;
  const assumeYes = flags.has('y') || flags.has('yes') || flags.has('assume-yes') || (flags.has('q') && [...args].includes('-qq')) || args.includes('-qy') || args.includes('-yq');
  const release = context.os === 'ubuntu' ? 'noble' : 'bookworm';
  const mirror = context.os === 'ubuntu' ? 'http://archive.ubuntu.com/ubuntu' : 'http://deb.debian.org/debian';

  if (action === undefined) {
    streams.stderr('E: Invalid operation');
    return 100;
  }
  if (context.user.uid !== 0 && action !== 'help') {
    streams.stderr('E: Could not open lock file /var/lib/dpkg/lock-frontend - open (13: Permission denied)\nE: Unable to acquire the dpkg frontend lock (/var/lib/dpkg/lock-frontend), are you root?');
    return 100;
  }

  if (action === 'update') {
    const indexes = [
      [`${mirror} ${release} InRelease`, 151_000],
      [`${mirror} ${release}-updates InRelease`, 55_400],
      [`${mirror.replace('deb.debian.org/debian', 'deb.debian.org/debian-security')} ${release}-security InRelease`, 48_000],
      [`${mirror} ${release}/main amd64 Packages`, 8_792_000],
    ] as const;
    indexes.forEach(([name, size], index) => {
      context.elapsed += 0.12 + size / 40_000_000;
      streams.stdout(`Get:${index + 1} ${name} [${aptSize(size)}]`);
    });
    const total = indexes.reduce((sum, [, size]) => sum + size, 0);
    context.elapsed += 0.9;
    streams.stdout(`Fetched ${aptSize(total)} in 1s (${aptSize(total)}/s)\nReading package lists...`);
    context.fs.put(`${listsDir}/deb.debian.org_debian_dists_${release}_main_binary-amd64_Packages.lz4`, { type: 'file', mode: 0o644, uid: 0, gid: 0, size: 18_400_000, synthetic: true, digest: sha256Digest(`${release} Packages`) });
    context.fs.put(`${listsDir}/deb.debian.org_debian_dists_${release}_InRelease`, { type: 'file', mode: 0o644, uid: 0, gid: 0, size: 151_000, synthetic: true, digest: sha256Digest(`${release} InRelease`) });
    return 0;
  }

  if (action === 'clean' || action === 'autoclean') return 0;
  if (action === 'upgrade' || action === 'dist-upgrade') {
    streams.stdout('Reading package lists...\nBuilding dependency tree...\nReading state information...\nCalculating upgrade...\n0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.');
    return 0;
  }
  if (action === 'remove' || action === 'purge' || action === 'autoremove') {
    streams.stdout('Reading package lists...\nBuilding dependency tree...\nReading state information...');
    return 0;
  }
  if (action !== 'install') {
    streams.stderr(`E: Invalid operation ${action}`);
    return 100;
  }

  streams.stdout('Reading package lists...\nBuilding dependency tree...\nReading state information...');
  const hasLists = context.fs.descendants(listsDir).some((path) => context.fs.get(path)?.type === 'file');
  const names = packages.map((spec) => spec.split('=')[0] ?? spec);
  if (!hasLists) {
    // The slim images ship with empty package lists, so install fails until `apt-get update` runs in the same layer chain.
    const missing = names[0] ?? '';
    streams.stderr(`E: Unable to locate package ${missing}`);
    return 100;
  }
  if (names.length === 0) {
    streams.stdout('0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.');
    return 0;
  }
  const recommends = !flags.has('no-install-recommends');
  const chosen = names.map((name) => ({ name, info: debianPackages[name] ?? unknownPackage(name) }));
  const unknown = names.filter((name) => debianPackages[name] === undefined);
  if (unknown.length > 0) streams.stdout(`simulated: ${unknown.join(', ')} not in Slipway's package table; installed size estimated at 1.5 MB each`);
  const installSize = chosen.reduce((sum, { info }) => sum + info.size + (recommends ? (info.recommends ?? 0) : 0), 0);
  const download = chosen.reduce((sum, { info }) => sum + info.download * (recommends && info.recommends ? 1.6 : 1), 0);

  if (recommends && chosen.some(({ info }) => (info.recommends ?? 0) > 0)) {
    streams.stdout(`Recommended packages:\n  ${chosen.filter(({ info }) => info.recommends).map(({ name }) => `${name}-doc`).join(' ')}`);
  }
  streams.stdout(`The following NEW packages will be installed:\n  ${names.join(' ')}`);
  streams.stdout(`0 upgraded, ${names.length} newly installed, 0 to remove and 0 not upgraded.`);
  streams.stdout(`Need to get ${aptSize(download)} of archives.`);
  streams.stdout(`After this operation, ${aptSize(installSize)} of additional disk space will be used.`);
  if (!assumeYes) {
    streams.stdout('Do you want to continue? [Y/n] Abort.');
    return 1;
  }
  chosen.forEach(({ name, info }, index) => {
    context.elapsed += 0.05 + info.download / 30_000_000;
    streams.stdout(`Get:${index + 1} ${mirror} ${release}/main amd64 ${name} amd64 ${info.version} [${aptSize(info.download)}]`);
  });
  streams.stdout(`debconf: delaying package configuration, since apt-utils is not installed\nFetched ${aptSize(download)} in 1s (${aptSize(download)}/s)`);
  for (const { name, info } of chosen) {
    context.elapsed += 0.1 + info.size / 200_000_000;
    streams.stdout(`Selecting previously unselected package ${name}.\nUnpacking ${name} (${info.version}) ...\nSetting up ${name} (${info.version}) ...`);
    const payload = info.size + (recommends ? (info.recommends ?? 0) : 0);
    const files = info.binaries.length > 0 ? info.binaries : [`/usr/share/doc/${name}/copyright`];
    const share = Math.floor(payload / files.length);
    for (const path of files) {
      context.fs.ensureParents(path);
      context.fs.put(path, { type: 'file', mode: 0o755, uid: 0, gid: 0, size: share, synthetic: true, digest: sha256Digest(`deb ${name} ${info.version} ${path}`) });
    }
  }
  context.fs.put('/var/lib/dpkg/status', { type: 'file', mode: 0o644, uid: 0, gid: 0, size: 190_000 + names.length * 2_000, synthetic: true, digest: sha256Digest(`dpkg status ${names.join(' ')}`) });
  return 0;
};
