import { groupText, osReleaseText, passwdText } from './os.ts';
import type { BaseImage } from './types.ts';

/** File or directory of a catalog image, with text content for the files the RUN model reads. */
export type BaseFile = { path: string; type: 'file' | 'dir' | 'symlink'; mode: number; text?: string; linkTarget?: string; size?: number };

const commonDirs = ['/bin', '/boot', '/dev', '/etc', '/home', '/lib', '/media', '/mnt', '/opt', '/proc', '/root', '/run', '/sbin', '/srv', '/sys', '/tmp', '/usr', '/usr/bin', '/usr/lib', '/usr/local', '/usr/local/bin', '/usr/local/lib', '/usr/sbin', '/usr/share', '/var', '/var/lib', '/var/log'];

/** Core utilities every base image has (coreutils on Debian and Ubuntu, BusyBox applets on Alpine). */
const coreTools = ['ls', 'cat', 'echo', 'mkdir', 'rm', 'rmdir', 'chmod', 'chown', 'ln', 'cp', 'mv', 'touch', 'sed', 'grep', 'tar', 'gzip', 'tr', 'head', 'tail', 'env', 'id', 'whoami', 'sleep', 'date', 'find', 'xargs', 'sort', 'wc', 'cut', 'dirname', 'basename', 'readlink', 'tee', 'uname', 'test', 'true', 'false', 'printf', 'which', 'stat', 'du', 'df'];

const binary = (path: string, size: number): BaseFile => ({ path, type: 'file', mode: 0o755, size });

/** List the files of a catalog image that the simulation reads or checks for (not the whole rootfs). */
export function baseFiles(image: BaseImage): BaseFile[] {
  const specialModes: Record<string, number> = { '/tmp': 0o1777, '/root': 0o700 };
  const files: BaseFile[] = commonDirs.map((path) => ({ path, type: 'dir', mode: specialModes[path] ?? 0o755 }));
  const text = (path: string, content: string, mode = 0o644) => files.push({ path, type: 'file', mode, text: content });

  text('/etc/os-release', osReleaseText(image));
  text('/etc/passwd', passwdText(image.users));
  text('/etc/group', groupText(image.users));
  text('/etc/hostname', 'buildkitsandbox\n');
  for (const user of image.users) {
    if (user.home.startsWith('/home/')) files.push({ path: user.home, type: 'dir', mode: 0o755 });
  }

  if (image.os === 'alpine') {
    files.push(binary('/bin/busybox', 808_712));
    for (const tool of ['sh', 'ash', ...coreTools]) {
      files.push({ path: `/bin/${tool}`, type: 'symlink', mode: 0o777, linkTarget: '/bin/busybox' });
    }
    for (const tool of ['adduser', 'addgroup']) files.push({ path: `/usr/sbin/${tool}`, type: 'symlink', mode: 0o777, linkTarget: '/bin/busybox' });
    files.push({ path: '/usr/bin/wget', type: 'symlink', mode: 0o777, linkTarget: '/bin/busybox' });
    files.push(binary('/sbin/apk', 67_000));
    files.push({ path: '/etc/apk', type: 'dir', mode: 0o755 });
  } else {
    files.push(binary('/usr/bin/dash', 125_560));
    files.push({ path: '/bin/sh', type: 'symlink', mode: 0o777, linkTarget: 'dash' });
    for (const tool of coreTools) files.push(binary(`/usr/bin/${tool}`, 60_000));
    files.push(binary('/usr/bin/apt-get', 19_000), binary('/usr/bin/apt', 18_000), binary('/usr/bin/dpkg', 300_000));
    files.push(binary('/usr/sbin/useradd', 147_000), binary('/usr/sbin/groupadd', 80_000), binary('/usr/sbin/adduser', 40_000), binary('/usr/sbin/addgroup', 40_000));
    files.push({ path: '/var/lib/apt/lists', type: 'dir', mode: 0o755 });
  }
  if (image.tools.bash) files.push(binary('/bin/bash', 1_265_648));

  const { python, node, nginx, cuda } = image.tools;
  if (python !== undefined) {
    const minor = python.split('.').slice(0, 2).join('.');
    files.push(binary(`/usr/local/bin/python${minor}`, 15_000));
    for (const name of ['python3', 'python']) files.push({ path: `/usr/local/bin/${name}`, type: 'symlink', mode: 0o777, linkTarget: `python${minor}` });
    for (const name of ['pip', 'pip3', `pip${minor}`]) files.push(binary(`/usr/local/bin/${name}`, 230));
    files.push({ path: `/usr/local/lib/python${minor}/site-packages`, type: 'dir', mode: 0o755 });
  }
  if (node !== undefined) {
    files.push(binary('/usr/local/bin/node', 118_000_000));
    files.push({ path: '/usr/local/bin/npm', type: 'symlink', mode: 0o777, linkTarget: '../lib/node_modules/npm/bin/npm-cli.js' });
    files.push({ path: '/usr/local/bin/npx', type: 'symlink', mode: 0o777, linkTarget: '../lib/node_modules/npm/bin/npx-cli.js' });
    files.push({ path: '/usr/local/lib/node_modules', type: 'dir', mode: 0o755 });
  }
  if (nginx !== undefined) files.push(binary('/usr/sbin/nginx', 1_400_000), { path: '/etc/nginx/conf.d', type: 'dir', mode: 0o755 });
  if (cuda !== undefined) files.push({ path: '/usr/local/cuda', type: 'dir', mode: 0o755 });

  // Full Debian-based images carry buildpack-deps (curl, gcc, git); slim and alpine images do not.
  const fullImage = image.history.some((row) => (row.size ?? 0) > 500_000_000) && image.os !== 'alpine';
  if (fullImage || nginx !== undefined || cuda !== undefined) files.push(binary('/usr/bin/curl', 280_000));
  if (fullImage) files.push(binary('/usr/bin/gcc', 1_000_000), binary('/usr/bin/git', 4_000_000));

  for (const [path, content] of Object.entries(image.files)) text(path, content, path.endsWith('.sh') ? 0o755 : 0o644);
  return files;
}
