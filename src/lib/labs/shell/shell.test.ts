import { describe, expect, it } from 'vitest';
import { MemoryFileSystem } from '../../vfs/index.ts';
import { createDockerEngine } from '../../docker/index.ts';
import { CLEAR_SEQUENCE } from './builtins/terminal.ts';
import { LAB_ROOT } from './layout.ts';
import { createShell, MAX_LINE_LENGTH } from './shell.ts';
import type { Shell, ShellLab } from './types.ts';

const starter = {
  [`${LAB_ROOT}/app.py`]: 'print("hi")\n',
  [`${LAB_ROOT}/requirements.txt`]: 'numpy==2.1.3\n',
  [`${LAB_ROOT}/model/anomaly.json`]: '{}\n',
  [`${LAB_ROOT}/.dockerignore`]: 'data/\n',
};

/** Create a shell in the lab folder over a fresh file system and engine. */
function makeShell(): { shell: Shell; fs: MemoryFileSystem } {
  const fs = MemoryFileSystem.fromFiles(starter);
  const shell = createShell({ fs, cwd: LAB_ROOT, docker: createDockerEngine({ fs, stateDir: '/var/lib/docker' }) });
  return { shell, fs };
}

/** Run lines in order and collect the last line's output and status. */
async function run(shell: Shell, ...lines: string[]): Promise<{ stdout: string; stderr: string; status: number }> {
  let stdout = '';
  let stderr = '';
  let status = 0;
  for (const line of lines) {
    stdout = '';
    stderr = '';
    status = await shell.execute(line, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  }
  return { stdout, stderr, status };
}

/** Read a file of the shell's file system as text. */
async function read(fs: MemoryFileSystem, path: string): Promise<string> {
  return new TextDecoder().decode(await fs.readFile(path));
}

describe('shell built-ins', () => {
  it.each<[string, string[], { stdout?: string; stderr?: string; status: number }]>([
    ['ls lists visible names', ['ls'], { stdout: 'app.py  model  requirements.txt\n', status: 0 }],
    ['ls -a adds dotfiles', ['ls -a'], { stdout: '.  ..  .dockerignore  app.py  model  requirements.txt\n', status: 0 }],
    ['ls -la long format', ['ls -la model'], { stdout: 'total 12\ndrwxr-xr-x 1 learner learner   4096 .\ndrwxr-xr-x 1 learner learner   4096 ..\n-rw-r--r-- 1 learner learner      3 anomaly.json\n', status: 0 }],
    ['ls a missing path', ['ls nope'], { stderr: "ls: cannot access 'nope': No such file or directory\n", status: 2 }],
    ['ls an invalid option', ['ls -z'], { stderr: "ls: invalid option -- 'z'\nTry 'ls --help' for more information.\n", status: 2 }],
    ['ls a file and a folder', ['ls app.py model'], { stdout: 'app.py\n\nmodel:\nanomaly.json\n', status: 0 }],
    ['cat a file', ['cat requirements.txt'], { stdout: 'numpy==2.1.3\n', status: 0 }],
    ['cat a missing file', ['cat x'], { stderr: 'cat: x: No such file or directory\n', status: 1 }],
    ['cat a folder', ['cat model'], { stderr: 'cat: model: Is a directory\n', status: 1 }],
    ['cd then pwd', ['cd model', 'pwd'], { stdout: `${LAB_ROOT}/model\n`, status: 0 }],
    ['cd a missing folder', ['cd x'], { stderr: 'bash: cd: x: No such file or directory\n', status: 1 }],
    ['cd into a file', ['cd app.py'], { stderr: 'bash: cd: app.py: Not a directory\n', status: 1 }],
    ['cd with no argument goes home', ['cd', 'pwd'], { stdout: '/home/learner\n', status: 0 }],
    ['cd - returns', ['cd /', 'cd -'], { stdout: `${LAB_ROOT}\n`, status: 0 }],
    ['cd ~/lab', ['cd /', 'cd ~/lab', 'pwd'], { stdout: `${LAB_ROOT}\n`, status: 0 }],
    ['echo ~ and quoted ~', ["echo ~ '~' ~x"], { stdout: '/home/learner ~ ~x\n', status: 0 }],
    ['echo joins words', ['echo a   "b  c"'], { stdout: 'a b  c\n', status: 0 }],
    ['echo -n', ['echo -n hi'], { stdout: 'hi', status: 0 }],
    ['echo a variable', ['echo $HOME'], { stdout: '/home/learner\n', status: 0 }],
    ['echo an unset variable', ['echo "[$NOPE]"'], { stdout: '[]\n', status: 0 }],
    ['assignment then expansion', ['TAG=1.1', 'echo heart-model:$TAG'], { stdout: 'heart-model:1.1\n', status: 0 }],
    ['export then expansion', ['export TAG=2.0', 'echo ${TAG}'], { stdout: '2.0\n', status: 0 }],
    ['$? after failure', ['cat nope', 'echo $?'], { stdout: '1\n', status: 0 }],
    ['$? within one line', ['cat nope; echo $?'], { stderr: 'cat: nope: No such file or directory\n', stdout: '1\n', status: 0 }],
    ['mkdir without -p and a missing parent', ['mkdir a/b'], { stderr: "mkdir: cannot create directory 'a/b': No such file or directory\n", status: 1 }],
    ['mkdir an existing folder', ['mkdir model'], { stderr: "mkdir: cannot create directory 'model': File exists\n", status: 1 }],
    ['mkdir -p an existing folder', ['mkdir -p model'], { stdout: '', status: 0 }],
    ['mkdir -p nested then ls', ['mkdir -p a/b/c', 'ls a/b'], { stdout: 'c\n', status: 0 }],
    ['mkdir with no operand', ['mkdir'], { stderr: "mkdir: missing operand\nTry 'mkdir --help' for more information.\n", status: 1 }],
    ['rm a missing file', ['rm x'], { stderr: "rm: cannot remove 'x': No such file or directory\n", status: 1 }],
    ['rm -f a missing file', ['rm -f x'], { stdout: '', status: 0 }],
    ['rm a folder without -r', ['rm model'], { stderr: "rm: cannot remove 'model': Is a directory\n", status: 1 }],
    ['rm -r a folder', ['rm -r model', 'ls'], { stdout: 'app.py  requirements.txt\n', status: 0 }],
    ['rm -rf the root', ['rm -rf /'], { stderr: "rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe\n", status: 1 }],
    ['touch outside home', ['touch /etc/motd'], { stderr: "touch: cannot touch '/etc/motd': Permission denied\n", status: 1 }],
    ['mkdir outside home', ['mkdir /opt/app'], { stderr: "mkdir: cannot create directory '/opt/app': Permission denied\n", status: 1 }],
    ['rm the home folder', ['rm -rf ~'], { stderr: "rm: cannot remove '/home/learner': Permission denied\n", status: 1 }],
    ['redirect into the engine state', ['echo {} > /var/lib/docker/state.json'], { stderr: 'bash: /var/lib/docker/state.json: Permission denied\n', status: 1 }],
    ['errors to /dev/null', ['ls nope 2>/dev/null; echo $?'], { stdout: '2\n', status: 0 }],
    ['output to /dev/null', ['cat app.py > /dev/null'], { stdout: '', status: 0 }],
    ['touch in /tmp', ['mkdir -p /tmp', 'touch /tmp/x', 'ls /tmp'], { stdout: 'x\n', status: 0 }],
    ['touch then ls', ['touch notes.md', 'ls'], { stdout: 'app.py  model  notes.md  requirements.txt\n', status: 0 }],
    ['touch in a missing folder', ['touch a/b'], { stderr: "touch: cannot touch 'a/b': No such file or directory\n", status: 1 }],
    ['clear', ['clear'], { stdout: CLEAR_SEQUENCE, status: 0 }],
    ['unknown command', ['kubectl get pods'], { stderr: 'bash: kubectl: command not found\n', status: 127 }],
    ['unknown command with a hint', ['nano app.py'], { stderr: 'bash: nano: command not found\nEdit files in the editor beside the terminal.\n', status: 127 }],
    ['glob expansion', ['ls *.py *.txt'], { stdout: 'app.py  requirements.txt\n', status: 0 }],
    ['glob without a match stays literal', ['echo *.go'], { stdout: '*.go\n', status: 0 }],
    ['&& stops after a failure', ['cat nope && echo yes'], { stderr: 'cat: nope: No such file or directory\n', stdout: '', status: 1 }],
    ['|| runs after a failure', ['cat nope || echo recovered'], { stderr: 'cat: nope: No such file or directory\n', stdout: 'recovered\n', status: 0 }],
    ['&& then || chain', ['cat nope && echo a || echo b'], { stderr: 'cat: nope: No such file or directory\n', stdout: 'b\n', status: 0 }],
    ['; runs regardless', ['cat nope; echo next'], { stderr: 'cat: nope: No such file or directory\n', stdout: 'next\n', status: 0 }],
    ['syntax error sets status 2', ['ls ||'], { stderr: "bash: syntax error near unexpected token `newline'\n", status: 2 }],
    ['pipe into cat', ['ls | cat'], { stdout: 'app.py  model  requirements.txt\n', status: 0 }],
    ['grep a file', ['grep numpy requirements.txt'], { stdout: 'numpy==2.1.3\n', status: 0 }],
    ['grep without a match', ['grep torch requirements.txt'], { stdout: '', status: 1 }],
    ['grep -i -n from a pipe', ['cat app.py requirements.txt | grep -in PRINT'], { stdout: '1:print("hi")\n', status: 0 }],
    ['grep -v -c', ['cat app.py requirements.txt | grep -vc print'], { stdout: '1\n', status: 0 }],
    ['grep a missing file', ['grep x nope'], { stderr: 'grep: nope: No such file or directory\n', status: 2 }],
    ['grep with no pattern', ['grep'], { stderr: "Usage: grep [-i] [-v] [-c] [-n] PATTERN [FILE]...\nTry 'grep --help' for more information.\n", status: 2 }],
    ['grep with no input', ['grep x'], { stderr: 'grep: no input: name a file or pipe a command into grep\n', status: 2 }],
    ['head -n 1 of a pipe', ['cat requirements.txt app.py | head -n 1'], { stdout: 'numpy==2.1.3\n', status: 0 }],
    ['head -n from a pipe', ['ls -a | head -n 2'], { stdout: '.  ..  .dockerignore  app.py  model  requirements.txt\n', status: 0 }],
    ['head -1 of a file', ['head -1 app.py'], { stdout: 'print("hi")\n', status: 0 }],
    ['tail -n 1 of two files', ['tail -n 1 app.py requirements.txt'], { stdout: '==> app.py <==\nprint("hi")\n\n==> requirements.txt <==\nnumpy==2.1.3\n', status: 0 }],
    ['head with a bad count', ['head -n x app.py'], { stderr: "head: invalid number of lines: 'x'\n", status: 1 }],
    ['wc -l from a pipe', ['cat app.py requirements.txt | wc -l'], { stdout: '2\n', status: 0 }],
    ['wc of a file', ['wc requirements.txt'], { stdout: '      1       1      13 requirements.txt\n', status: 0 }],
    ['pipeline status is the last command', ['cat nope | wc -l'], { stderr: 'cat: nope: No such file or directory\n', stdout: '0\n', status: 0 }],
    ['pipe then &&', ['grep torch requirements.txt | wc -l && echo counted'], { stdout: '0\ncounted\n', status: 0 }],
    ['pipe with $?', ['ls | grep nothing-here; echo $?'], { stdout: '1\n', status: 0 }],
  ])('%s', async (_name, lines, expected) => {
    const { shell } = makeShell();
    const result = await run(shell, ...lines);
    if (expected.stdout !== undefined) expect(result.stdout).toBe(expected.stdout);
    expect(result.stderr).toBe(expected.stderr ?? '');
    expect(result.status).toBe(expected.status);
  });
});

describe('shell help', () => {
  it('lists every built-in with its summary', async () => {
    const { shell } = makeShell();
    const result = await run(shell, 'help');
    for (const name of ['cat', 'cd', 'clear', 'docker', 'echo', 'grep', 'head', 'help', 'history', 'lab', 'ls', 'mkdir', 'pwd', 'rm', 'tail', 'touch', 'wc']) {
      expect(result.stdout).toMatch(new RegExp(`^  ${name} +\\S`, 'm'));
    }
    expect(result.stdout).toContain("A pipe (|) feeds one command's output to the next.");
  });
});

describe('shell redirects', () => {
  it.each<[string, string[], string, string]>([
    ['> creates a file', ['echo hello > note.txt'], 'note.txt', 'hello\n'],
    ['> truncates', ['echo one > note.txt', 'echo two > note.txt'], 'note.txt', 'two\n'],
    ['>> appends', ['echo one > note.txt', 'echo two >> note.txt'], 'note.txt', 'one\ntwo\n'],
    ['2> captures errors', ['cat nope 2> err.txt'], 'err.txt', 'cat: nope: No such file or directory\n'],
    ['2>&1 merges errors', ['cat nope requirements.txt > all.txt 2>&1'], 'all.txt', 'cat: nope: No such file or directory\nnumpy==2.1.3\n'],
    ['> of cat copies a file', ['cat requirements.txt > copy.txt'], 'copy.txt', 'numpy==2.1.3\n'],
    ['a bare redirect creates an empty file', ['> empty.txt'], 'empty.txt', ''],
  ])('%s', async (_name, lines, path, expected) => {
    const { shell, fs } = makeShell();
    await run(shell, ...lines);
    expect(await read(fs, `${LAB_ROOT}/${path}`)).toBe(expected);
  });

  it.each<[string, string, string]>([
    ['into a missing folder', 'echo x > nope/file', 'bash: nope/file: No such file or directory\n'],
    ['onto a folder', 'echo x > model', 'bash: model: Is a directory\n'],
    ['to an unset variable', 'echo x > $NOPE', 'bash: $NOPE: ambiguous redirect\n'],
    ['to a glob of two files', 'echo x > *.*', 'bash: *.*: ambiguous redirect\n'],
  ])('rejects a redirect %s', async (_name, line, message) => {
    const { shell } = makeShell();
    const result = await run(shell, line);
    expect(result.stderr).toBe(message);
    expect(result.status).toBe(1);
  });
});

describe('shell history and prompt', () => {
  it('records each non-blank line', async () => {
    const { shell } = makeShell();
    await run(shell, 'ls', '   ', 'cd model', 'cat nope');
    expect(shell.history).toEqual(['ls', 'cd model', 'cat nope']);
  });

  it('history prints numbered entries', async () => {
    const { shell } = makeShell();
    const result = await run(shell, 'ls', 'pwd', 'history');
    expect(result.stdout).toBe('    1  ls\n    2  pwd\n    3  history\n');
  });

  it('history N prints the last N', async () => {
    const { shell } = makeShell();
    const result = await run(shell, 'ls', 'pwd', 'history 2');
    expect(result.stdout).toBe('    2  pwd\n    3  history 2\n');
  });

  it('history -c forgets', async () => {
    const { shell } = makeShell();
    await run(shell, 'ls', 'history -c');
    expect(shell.history).toEqual([]);
  });

  it.each<[string[], string]>([
    [[], 'learner@slipway:~/lab$ '],
    [['cd model'], 'learner@slipway:~/lab/model$ '],
    [['cd'], 'learner@slipway:~$ '],
    [['cd /'], 'learner@slipway:/$ '],
  ])('prompt after %j', async (lines, expected) => {
    const { shell } = makeShell();
    await run(shell, ...lines);
    expect(shell.prompt()).toBe(expected);
    expect(shell.cwd.startsWith('/')).toBe(true);
  });
});

describe('shell guards', () => {
  it('rejects an over-long line without recording it', async () => {
    const { shell } = makeShell();
    const result = await run(shell, `echo ${'x'.repeat(1_048_576)}`);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`the limit is ${MAX_LINE_LENGTH}`);
    expect(shell.history).toEqual([]);
  });

  it('accepts a line at the limit', async () => {
    const { shell } = makeShell();
    const line = `echo ${'x'.repeat(MAX_LINE_LENGTH - 5)}`;
    const result = await run(shell, line);
    expect(result.status).toBe(0);
    expect(result.stdout.length).toBe(MAX_LINE_LENGTH - 4);
  });

  it('stops a chain once aborted', async () => {
    const { shell, fs } = makeShell();
    const controller = new AbortController();
    controller.abort();
    const status = await shell.execute('touch a; touch b', { stdout: () => {}, stderr: () => {} }, controller.signal);
    expect(status).toBe(130);
    expect(await fs.stat(`${LAB_ROOT}/a`)).toBeNull();
  });

  it('limits built-ins to an allow list', async () => {
    const fs = MemoryFileSystem.fromFiles(starter);
    const shell = createShell({ fs, cwd: LAB_ROOT, docker: createDockerEngine({ fs, stateDir: '/var/lib/docker' }), builtins: ['ls', 'docker'] });
    const result = await run(shell, 'clear');
    expect(result.stderr).toBe('bash: clear: command not found\n');
    expect(result.status).toBe(127);
  });
});

describe('shell docker and lab built-ins', () => {
  const dockerfile = 'FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nCOPY . .\nCMD ["python", "app.py"]\n';

  /** Create a shell over the starter files plus a Dockerfile, with an optional lab. */
  function dockerShell(lab?: ShellLab): { shell: Shell; fs: MemoryFileSystem } {
    const fs = MemoryFileSystem.fromFiles({ ...starter, [`${LAB_ROOT}/Dockerfile`]: dockerfile });
    const shell = createShell({ fs, cwd: LAB_ROOT, docker: createDockerEngine({ fs, stateDir: '/var/lib/docker' }), lab });
    return { shell, fs };
  }

  const lab: ShellLab = {
    id: 'sample',
    title: 'Sample lab',
    tasks: [
      { id: 'build-image', title: 'Build heart-model:1.0', description: 'Build it.', hint: 'docker build', check: { type: 'image', assert: 'tag-exists', ref: 'heart-model:1.0' } },
      { id: 'add-dockerignore', title: 'Add a .dockerignore', description: 'Add it.', hint: 'touch', check: { type: 'file', path: 'missing.txt', assert: 'exists' } },
    ],
  };

  it('docker build then docker images lists the tag', async () => {
    const { shell } = dockerShell();
    const result = await run(shell, 'docker build -q -t heart-model:1.0 .', 'docker images heart-model');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^heart-model\s+1\.0\s+[0-9a-f]{12}/m);
  });

  it('docker images piped into grep', async () => {
    const { shell } = dockerShell();
    const result = await run(shell, 'docker build -q -t heart-model:1.0 .', 'docker images | grep -c heart-model');
    expect(result.stdout).toBe('1\n');
    expect(result.status).toBe(0);
  });

  it('docker output can be redirected', async () => {
    const { shell, fs } = dockerShell();
    await run(shell, 'docker build -q -t heart-model:1.0 .', 'docker images > images.txt');
    expect(await read(fs, `${LAB_ROOT}/images.txt`)).toContain('heart-model');
  });

  it('docker errors keep their exit status', async () => {
    const { shell } = dockerShell();
    const result = await run(shell, 'docker tag nope:1 other:1');
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('nope:1');
  });

  it('Ctrl-C ends a running docker build with 130', async () => {
    const { shell } = dockerShell();
    const controller = new AbortController();
    let output = '';
    const running = shell.execute('docker build -t heart-model:1.0 .', { stdout: (text) => (output += text), stderr: (text) => (output += text) }, controller.signal);
    controller.abort();
    expect(await running).toBe(130);
    const lengthAtAbort = output.length;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(output.length).toBe(lengthAtAbort);
  });

  it.each<[string[], string, number]>([
    [['lab status'], 'Sample lab: 0 of 2 tasks done.', 0],
    [['docker build -q -t heart-model:1.0 .', 'lab status'], 'Sample lab: 1 of 2 tasks done.', 0],
    [['docker build -q -t heart-model:1.0 .', 'lab check'], '[x] build-image: Build heart-model:1.0', 1],
    [['lab check'], '[ ] add-dockerignore: Add a .dockerignore', 1],
    [['touch missing.txt', 'docker build -q -t heart-model:1.0 .', 'lab check'], '[x] add-dockerignore', 0],
    [['lab upstream advance'], 'The upstream registry published newer images.', 0],
    [['lab help'], 'Usage: lab COMMAND', 0],
  ])('lab after %j', async (lines, expected, status) => {
    const { shell } = dockerShell(lab);
    const result = await run(shell, ...lines);
    expect(result.stdout).toContain(expected);
    expect(result.status).toBe(status);
  });

  it.each<[string, string, number]>([
    ['lab bogus', "lab: 'bogus' is not a lab command.", 2],
    ['lab upstream', "lab: upstream: expected 'advance'", 2],
  ])('%s is rejected', async (line, message, status) => {
    const { shell } = dockerShell(lab);
    const result = await run(shell, line);
    expect(result.stderr).toContain(message);
    expect(result.status).toBe(status);
  });

  it('lab upstream advance moves python:3.12-slim', async () => {
    const { shell } = dockerShell();
    await run(shell, 'docker pull -q python:3.12-slim');
    const before = await run(shell, 'docker images -q python:3.12-slim');
    await run(shell, 'lab upstream advance', 'docker pull -q python:3.12-slim');
    const after = await run(shell, 'docker images -q python:3.12-slim');
    expect(before.stdout.trim()).toMatch(/^[0-9a-f]{12}$/);
    expect(after.stdout.trim()).toMatch(/^[0-9a-f]{12}$/);
    expect(after.stdout).not.toBe(before.stdout);
  });
});
