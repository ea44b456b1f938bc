import { sha256Digest } from '../../digest.ts';
import type { CommandHandler } from '../command.ts';
import { splitOptions } from '../context.ts';
import { alpinePackages, unknownPackage } from '../packages.ts';

/** Model `apk add|update|del` on Alpine. */
export const apk: CommandHandler = async (args, context, streams) => {
  const { flags, operands } = splitOptions(args);
  const [action, ...packages] = operands;
  const branch = 'v3.20';
  if (context.user.uid !== 0) {
    streams.stderr('ERROR: Unable to lock database: Permission denied\nERROR: Failed to open apk database: Permission denied');
    return 99;
  }
  const fetchIndex = () => {
    context.elapsed += 0.6;
    streams.stdout(`fetch https://dl-cdn.alpinelinux.org/alpine/${branch}/main/x86_64/APKINDEX.tar.gz\nfetch https://dl-cdn.alpinelinux.org/alpine/${branch}/community/x86_64/APKINDEX.tar.gz`);
  };
  if (action === 'update') {
    fetchIndex();
    streams.stdout(`${branch}.8-14-g2c3d4e5 [https://dl-cdn.alpinelinux.org/alpine/${branch}/main]\nOK: 24170 distinct packages available`);
    context.fs.ensureParents('/var/cache/apk/APKINDEX.main.tar.gz');
    context.fs.put('/var/cache/apk/APKINDEX.main.tar.gz', { type: 'file', mode: 0o644, uid: 0, gid: 0, size: 2_600_000, synthetic: true, digest: sha256Digest('apk index') });
    return 0;
  }
  if (action === 'del') return 0;
  if (action !== 'add') {
    streams.stderr(`apk: applet not found: ${action ?? ''}`);
    return 1;
  }
  fetchIndex();
  if (!flags.has('no-cache')) {
    context.fs.ensureParents('/var/cache/apk/APKINDEX.main.tar.gz');
    context.fs.put('/var/cache/apk/APKINDEX.main.tar.gz', { type: 'file', mode: 0o644, uid: 0, gid: 0, size: 2_600_000, synthetic: true, digest: sha256Digest('apk index') });
  }
  const names = packages.map((spec) => spec.split(/[=<>~]/)[0] ?? spec);
  const unknown = names.filter((name) => alpinePackages[name] === undefined);
  if (unknown.length > 0) streams.stdout(`simulated: ${unknown.join(', ')} not in Slipway's package table; installed size estimated at 1.5 MB each`);
  names.forEach((name, index) => {
    const info = alpinePackages[name] ?? unknownPackage(name);
    context.elapsed += 0.05 + info.download / 30_000_000;
    streams.stdout(`(${index + 1}/${names.length}) Installing ${name} (${info.version})`);
    const files = info.binaries.length > 0 ? info.binaries : [`/usr/lib/${name}/.installed`];
    for (const path of files) {
      context.fs.ensureParents(path);
      context.fs.put(path, { type: 'file', mode: 0o755, uid: 0, gid: 0, size: Math.floor(info.size / files.length), synthetic: true, digest: sha256Digest(`apk ${name} ${info.version} ${path}`) });
    }
  });
  streams.stdout(`OK: ${14 + names.length * 2} MiB in ${20 + names.length} packages`);
  return 0;
};
