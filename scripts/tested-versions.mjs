// The README's table of what passed on which n8n, from the end-to-end run's own results
// (test-results/tested-versions.json, written by test/e2e/versions-reporter.mjs).
//   node scripts/tested-versions.mjs           fails when the README's table differs (npm test runs this)
//   node scripts/tested-versions.mjs --write   writes the table into the README
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const resultsFile = join(root, 'test-results', 'tested-versions.json');
const readmeFile = join(root, 'README.md');
const START = '<!-- tested-versions: written by scripts/tested-versions.mjs from the last npm test -->';
const END = '<!-- /tested-versions -->';

function table(results) {
	// Newest n8n first; the suites in the order the 2.x run met them.
	const versions = Object.keys(results).sort((a, b) => b.localeCompare(a, 'en', { numeric: true }));
	const suites = [...new Set(versions.flatMap((version) => Object.keys(results[version])))];
	const cell = (entry) => (entry === undefined ? '—' : `${entry.passed ? '✓' : '✗ failed'} ${entry.tests} ${entry.tests === 1 ? 'test' : 'tests'}`);
	return [
		`| end-to-end suite (a real n8n) | ${versions.map((version) => `n8n ${version}`).join(' | ')} |`,
		`|---|${versions.map(() => '---').join('|')}|`,
		...suites.map((suite) => `| ${suite} | ${versions.map((version) => cell(results[version][suite])).join(' | ')} |`),
	].join('\n');
}

if (!existsSync(resultsFile)) {
	console.error(`[tested-versions] ${resultsFile} is missing: it is written by the end-to-end run of npm test.`);
	process.exit(1);
}
const expected = table(JSON.parse(readFileSync(resultsFile, 'utf8')));
const readme = readFileSync(readmeFile, 'utf8');
const start = readme.indexOf(START);
const end = readme.indexOf(END);
if (start < 0 || end < start) {
	console.error(`[tested-versions] README.md lacks the markers ${START} … ${END}`);
	process.exit(1);
}
const current = readme.slice(start + START.length, end).trim();
if (process.argv.includes('--write')) {
	writeFileSync(readmeFile, `${readme.slice(0, start + START.length)}\n${expected}\n${readme.slice(end)}`);
	console.log('[tested-versions] README.md table written from the last run');
} else if (current !== expected) {
	console.error(`[tested-versions] README.md's table of tested versions is not what this run passed. This run:\n\n${expected}\n\n` +
		'Write it into README.md with `node scripts/tested-versions.mjs --write` (and look at what changed).');
	process.exit(1);
} else {
	console.log('[tested-versions] README.md’s table matches this run');
}
