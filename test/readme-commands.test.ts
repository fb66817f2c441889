import { readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..');

/** The command lines of the README's "Try it" code block. */
function tryItCommands(readme: string): string[] {
  const section = readme.split(/^## /m).find((part) => part.startsWith('Try it\n'));
  const block = section && /```bash\n([\s\S]*?)```/.exec(section)?.[1];
  if (!block) throw new Error('README has no "## Try it" section with a bash block');
  return commandLines(block);
}

/** Every command .ci/run runs once its first step has begun, step headers left out. */
function ciCommands(script: string): { preamble: string[]; commands: string[] } {
  const lines = commandLines(script);
  const first = lines.findIndex((line) => line.startsWith('step "'));
  return { preamble: lines.slice(0, first), commands: lines.slice(first).filter((line) => !line.startsWith('step "')) };
}

function commandLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
}

const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
const ciRun = readFileSync(path.join(root, '.ci/run'), 'utf8');

describe('.ci/run starts with the README’s commands', () => {
  it('the README promises npm install, npm start, npm test', () => {
    expect(tryItCommands(readme)).toEqual(['npm install', 'npm start', 'npm test']);
  });

  it('.ci/run runs exactly those commands first, in the same order', () => {
    const wanted = tryItCommands(readme);
    expect(ciCommands(ciRun).commands.slice(0, wanted.length)).toEqual(wanted);
  });

  it('nothing runs before the first step but shell settings', () => {
    for (const line of ciCommands(ciRun).preamble) expect(line).toMatch(/^(set |cd |export |unset |step\(\) )/);
  });

  it('a swapped or extra command shows up as a difference', () => {
    const swapped = 'set -e\nstep "a"\nnpm install\nstep "b"\nnpm test\nstep "c"\nnpm start\n';
    const extra = 'step "a"\nnpm install\nnpm run build\nnpm start\nnpm test\n';
    expect(ciCommands(swapped).commands.slice(0, 3)).toEqual(['npm install', 'npm test', 'npm start']);
    expect(ciCommands(extra).commands.slice(0, 3)).toEqual(['npm install', 'npm run build', 'npm start']);
    expect(ciCommands(swapped).preamble).toEqual(['set -e']);
  });
});
