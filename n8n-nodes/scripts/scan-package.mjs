// n8n's verification scanner, run offline on both things it judges: the source folder and the
// packed tarball (whose dist/ carries the bundled core). Run after `npm run build`.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { analyzePackage, SOURCE_FILE_PATTERNS } from '@n8n/scan-community-package/scanner/scanner.mjs';

const packageDir = resolve(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..');
const work = mkdtempSync(join(tmpdir(), 'n8n-scan-'));
let failed = false;
try {
	const tarball = execFileSync('npm', ['pack', '--silent', '--pack-destination', work], { cwd: packageDir, encoding: 'utf8' })
		.trim()
		.split('\n')
		.pop();
	execFileSync('tar', ['xzf', join(work, tarball), '-C', work]);
	const legs = [
		['source', await analyzePackage(packageDir, SOURCE_FILE_PATTERNS)],
		['tarball', await analyzePackage(join(work, 'package'), ['**/*.js', 'package.json'])],
	];
	for (const [leg, result] of legs) {
		console.log(`scanner (${leg}): ${result.passed ? 'passed' : 'FAILED'}`);
		if (!result.passed) {
			failed = true;
			console.error(result.message, result.details ?? '');
		}
	}
} finally {
	rmSync(work, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
