// Jest globalSetup of the n8n-nodes project: the tests load the BUILT package (dist/), exactly as
// n8n does, so build it first. Set N8N_NODES_SKIP_BUILD=1 when a fresh build is already there.
const { execFileSync } = require('node:child_process');
const { join } = require('node:path');

module.exports = async function buildPackage() {
	if (process.env.N8N_NODES_SKIP_BUILD === '1') return;
	const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
	try {
		execFileSync(npm, ['run', 'build', '-w', 'n8n-nodes-ecomail'], {
			cwd: join(__dirname, '..', '..', '..'),
			stdio: ['ignore', 'ignore', 'pipe'],
		});
	} catch (error) {
		throw new Error(`npm run build -w n8n-nodes-ecomail failed:\n${error.stderr ?? error.message}`);
	}
};
