import type { ImageUser, OsFamily } from './types.ts';

/** Operating-system layer of a base image: the rootfs tarball at the bottom of every image. */
export type OsBase = {
  os: OsFamily;
  osName: string;
  osVersionId: string;
  /** Suffix official images put on tags (`bookworm`, `alpine3.20`). */
  codename: string;
  /** First history row (the rootfs ADD) and its uncompressed size in bytes. */
  rootfsCreatedBy: string;
  rootfsSize: number;
  bash: boolean;
  users: ImageUser[];
};

const debianUsers: ImageUser[] = [
  { name: 'root', uid: 0, gid: 0, home: '/root', shell: '/bin/bash' },
  { name: 'daemon', uid: 1, gid: 1, home: '/usr/sbin', shell: '/usr/sbin/nologin' },
  { name: 'bin', uid: 2, gid: 2, home: '/bin', shell: '/usr/sbin/nologin' },
  { name: 'sys', uid: 3, gid: 3, home: '/dev', shell: '/usr/sbin/nologin' },
  { name: 'www-data', uid: 33, gid: 33, home: '/var/www', shell: '/usr/sbin/nologin' },
  { name: 'nobody', uid: 65534, gid: 65534, home: '/nonexistent', shell: '/usr/sbin/nologin' },
];

const alpineUsers: ImageUser[] = [
  { name: 'root', uid: 0, gid: 0, home: '/root', shell: '/bin/sh' },
  { name: 'bin', uid: 1, gid: 1, home: '/bin', shell: '/sbin/nologin' },
  { name: 'daemon', uid: 2, gid: 2, home: '/sbin', shell: '/sbin/nologin' },
  { name: 'nobody', uid: 65534, gid: 65534, home: '/', shell: '/sbin/nologin' },
];

/** Debian 12 slim rootfs (debian:bookworm-slim), about 74.8 MB on disk. */
export function debianBookwormSlim(serial: string): OsBase {
  return {
    os: 'debian',
    osName: 'Debian GNU/Linux 12 (bookworm)',
    osVersionId: '12',
    codename: 'bookworm',
    rootfsCreatedBy: `# debian.sh --arch 'amd64' out/ 'bookworm' '@${serial}'`,
    rootfsSize: 74_800_000,
    bash: true,
    users: debianUsers,
  };
}

/** Debian 12 full rootfs (buildpack-deps:bookworm underneath the full python and node images). */
export function debianBookwormFull(serial: string): OsBase {
  return { ...debianBookwormSlim(serial), rootfsSize: 117_000_000 };
}

/** Ubuntu rootfs (`ubuntu:24.04` is about 78.1 MB, 22.04 about 77.9 MB). */
export function ubuntu(versionId: '22.04' | '24.04', serial: string): OsBase {
  const noble = versionId === '24.04';
  return {
    os: 'ubuntu',
    osName: noble ? 'Ubuntu 24.04.2 LTS' : 'Ubuntu 22.04.5 LTS',
    osVersionId: versionId,
    codename: noble ? 'noble' : 'jammy',
    rootfsCreatedBy: `/bin/sh -c #(nop) ADD file:${serial} in / `,
    rootfsSize: noble ? 78_100_000 : 77_900_000,
    bash: true,
    users: [...debianUsers, ...(noble ? [{ name: 'ubuntu', uid: 1000, gid: 1000, home: '/home/ubuntu', shell: '/bin/bash' }] : [])],
  };
}

/** Alpine rootfs (alpine:3.20 is about 7.8 MB); busybox ash is /bin/sh and there is no bash. */
export function alpine(version: string): OsBase {
  const minor = version.split('.').slice(0, 2).join('.');
  return {
    os: 'alpine',
    osName: `Alpine Linux v${minor}`,
    osVersionId: version,
    codename: `alpine${minor}`,
    rootfsCreatedBy: `ADD alpine-minirootfs-${version}-x86_64.tar.gz / # buildkit`,
    rootfsSize: 7_800_000,
    bash: false,
    users: alpineUsers,
  };
}

/** Render /etc/passwd for a list of accounts. */
export function passwdText(users: ImageUser[]): string {
  return users.map((user) => `${user.name}:x:${user.uid}:${user.gid}:${user.name}:${user.home}:${user.shell}\n`).join('');
}

/** Render /etc/group with one group per account (same name and id). */
export function groupText(users: ImageUser[]): string {
  return users.map((user) => `${user.name}:x:${user.gid}:\n`).join('');
}

/** Render /etc/os-release for a base. */
export function osReleaseText(base: { os: OsFamily; osName: string; osVersionId: string }): string {
  const id = base.os === 'alpine' ? 'alpine' : base.os;
  return `PRETTY_NAME="${base.osName}"\nID=${id}\nVERSION_ID="${base.osVersionId}"\n`;
}
