// Fails the build when a compiled entry still requires anything but n8n-workflow: n8n installs
// community packages without dependencies, so the core must be inlined by the bundle step.
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
let failed = false;
for (const file of [...pkg.n8n.nodes, ...(pkg.n8n.credentials ?? [])]) {
	const unbundled = [...readFileSync(file, 'utf8').matchAll(/require\("([^"]+)"\)/g)]
		.map((match) => match[1])
		.filter((name) => name !== 'n8n-workflow');
	if (unbundled.length > 0) {
		console.error(`${file}: unbundled require(s): ${unbundled.join(', ')}`);
		failed = true;
	}
}
process.exit(failed ? 1 : 0);
