import { sha256Digest } from '../../digest.ts';
import type { CommandHandler } from '../command.ts';
import { absolute } from '../context.ts';

/** Model `npm install`, `npm ci` and `npm run build` against the package.json in the working directory. */
export const npm: CommandHandler = async (args, context, streams) => {
  const [action = ''] = args.filter((arg) => !arg.startsWith('-'));
  const manifestPath = absolute(context, 'package.json');
  if (action === '--version' || args[0] === '--version' || args[0] === '-v') {
    streams.stdout(context.env.get('NPM_VERSION') ?? '10.9.2');
    return 0;
  }
  const manifest = await context.readText(manifestPath);
  if (manifest === undefined) {
    streams.stderr(`npm error code ENOENT\nnpm error syscall open\nnpm error path ${manifestPath}\nnpm error errno -2\nnpm error enoent Could not read package.json: Error: ENOENT: no such file or directory, open '${manifestPath}'\nnpm error enoent This is related to npm not being able to find a file.\nnpm error enoent`);
    return 254;
  }
  if (!['install', 'i', 'ci', 'add'].includes(action)) {
    streams.stdout(`\n> ${action}\n`);
    streams.stdout(`simulated: npm ${args.join(' ')} was not run; Slipway assumed it succeeded`);
    context.elapsed += 1.5;
    return 0;
  }
  if (action === 'ci' && (await context.readText(absolute(context, 'package-lock.json'))) === undefined) {
    streams.stderr('npm error code EUSAGE\nnpm error\nnpm error The `npm ci` command can only install with an existing package-lock.json or\nnpm error npm-shrinkwrap.json with lockfileVersion >= 1. Run an install with npm@5 or\nnpm error later to generate a package-lock.json file, then try again.');
    return 1;
  }

  let dependencies: string[] = [];
  try {
    const parsed = JSON.parse(manifest) as { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
    const omitDev = args.includes('--omit=dev') || args.includes('--production') || context.env.get('NODE_ENV') === 'production';
    dependencies = [...Object.keys(parsed.dependencies ?? {}), ...(omitDev ? [] : Object.keys(parsed.devDependencies ?? {}))];
  } catch (error) {
    streams.stderr(`npm error code EJSONPARSE\nnpm error JSON.parse Invalid package.json: ${(error as Error).message}`);
    return 1;
  }

  // Estimate: each direct dependency brings about 12 packages and 3 MB.
  const packages = dependencies.length * 12;
  const size = dependencies.length * 3_000_000;
  context.elapsed += 1 + packages * 0.02;
  const modules = absolute(context, 'node_modules');
  context.fs.ensureParents(`${modules}/.package-lock.json`, context.user);
  context.fs.put(modules, { type: 'dir', mode: 0o755, uid: context.user.uid, gid: context.user.gid, size: 0 });
  context.fs.put(`${modules}/.package-lock.json`, { type: 'file', mode: 0o644, uid: context.user.uid, gid: context.user.gid, size: Math.max(size, 200), synthetic: true, digest: sha256Digest(`node_modules ${dependencies.join(',')}`) });
  streams.stdout(`\nadded ${packages} packages, and audited ${packages + 1} packages in ${Math.max(1, Math.round(context.elapsed))}s\n\nfound 0 vulnerabilities`);
  if (!context.fs.exists('/root/.npm') && context.user.uid === 0 && !args.includes('--cache')) {
    context.fs.put('/root/.npm', { type: 'dir', mode: 0o755, uid: 0, gid: 0, size: 0 });
    context.fs.put('/root/.npm/_cacache', { type: 'file', mode: 0o644, uid: 0, gid: 0, size: Math.round(size * 0.4), synthetic: true, digest: sha256Digest(`npm cache ${dependencies.join(',')}`) });
  }
  return 0;
};
