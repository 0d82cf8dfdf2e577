// Checks the package the way n8n's verification checks it, on the real `npm pack` tarball:
// what ships (only dist/ plus README, LICENSE, package.json), no runtime dependencies, the
// tarball size, and n8n's own package scanner (@n8n/scan-community-package) on both the
// unpacked tarball and the sources. Needs a fresh `npm run build` first.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzePackage, SOURCE_FILE_PATTERNS } from '@n8n/scan-community-package/scanner/scanner.mjs';

const root = new URL('..', import.meta.url).pathname;
// About 1.2x what the package needs (≈ 84 KB with files from binary data, answers in the chat,
// the country-code table and a 51 KB README): a screenshot or other stray file that slips into
// dist/ (≈ 70 KB each) pushes it over.
const MAX_PACKED_KB = 100;
const problems = [];

const workDir = mkdtempSync(join(tmpdir(), 'wonotify-pack-'));
try {
	const [packed] = JSON.parse(
		execFileSync('npm', ['pack', '--json', '--pack-destination', workDir], { cwd: root, encoding: 'utf8' }),
	);
	const tarball = join(workDir, packed.filename);
	const sizeKb = statSync(tarball).size / 1024;
	console.log(`[check-package] ${packed.filename}: ${packed.entryCount} files, ${sizeKb.toFixed(1)} KB packed`);

	// `n8n-node build` copies every image of the project into dist/ (README screenshots too):
	// package.json `files` ships only what n8n loads.
	const allowed = /^(dist\/(credentials|icons|nodes)\/.+|README\.md|LICENSE|package\.json)$/;
	for (const { path } of packed.files) if (!allowed.test(path)) problems.push(`unexpected file in the tarball: ${path}`);
	for (const required of ['README.md', 'LICENSE', 'package.json']) {
		if (!packed.files.some((file) => file.path === required)) problems.push(`missing from the tarball: ${required}`);
	}

	if (sizeKb > MAX_PACKED_KB) problems.push(`the tarball is ${sizeKb.toFixed(1)} KB, more than ${MAX_PACKED_KB} KB`);

	const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
	const runtimeDependencies = Object.keys(manifest.dependencies ?? {});
	if (runtimeDependencies.length > 0) problems.push(`runtime dependencies: ${runtimeDependencies.join(', ')}`);
	for (const file of [...manifest.n8n.nodes, ...manifest.n8n.credentials]) {
		if (!packed.files.some((entry) => entry.path === file)) problems.push(`package.json lists ${file}, not in the tarball`);
	}

	execFileSync('tar', ['-xzf', tarball, '-C', workDir]);
	const unpacked = join(workDir, 'package');
	// The same two passes as the scanner's verification gate: compiled JS + package.json
	// of the published tarball, then the shippable sources.
	for (const [label, dir, patterns] of [
		['tarball', unpacked, ['**/*.js', 'package.json']],
		['sources', root, SOURCE_FILE_PATTERNS],
	]) {
		const result = await analyzePackage(dir, patterns);
		if (result.passed) console.log(`[check-package] n8n scanner on the ${label}: passed`);
		else problems.push(`n8n scanner on the ${label}: ${result.message}\n${result.details ?? ''}`);
	}
} finally {
	rmSync(workDir, { recursive: true, force: true });
}

if (problems.length > 0) {
	console.error(problems.map((problem) => `[check-package] ✗ ${problem}`).join('\n'));
	process.exit(1);
}
console.log('[check-package] ✓ package contents, dependencies and scanner checks pass');
