#!/usr/bin/env node
// Nothing can run GitHub Actions here, so the workflow files are checked before a release
// would find a typo: each against GitHub's workflow schema (action-validator), and the
// publish workflow for what n8n requires of a community package's release (published from
// GitHub Actions with provenance, no stored npm token, only after the tests).
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const dir = join(root, '.github', 'workflows');
const problems = [];

const files = readdirSync(dir).filter((file) => /\.ya?ml$/.test(file));
for (const file of files) {
	const result = spawnSync(join(root, 'node_modules', '.bin', 'action-validator'), [join(dir, file)], { encoding: 'utf8' });
	if (result.status !== 0) problems.push(`${file} is not a valid workflow:\n${result.stdout}${result.stderr}`);
}

const publish = readFileSync(join(dir, 'publish.yml'), 'utf8');
const expect = (pattern, what) => {
	if (!pattern.test(publish)) problems.push(`publish.yml: ${what}`);
};
expect(/^on:\n\s+push:\n\s+tags: \['v\*\.\*\.\*'\]/m, 'must run on version tags (v1.2.3)');
expect(/id-token: write/, 'needs id-token: write for trusted publishing and provenance');
expect(/npm publish --provenance --access public/, 'must publish with --provenance');
expect(/needs: test/, 'must publish only after the test job');
expect(/run: npm test/, 'its test job must run npm test');
if (/NPM_TOKEN|NODE_AUTH_TOKEN|secrets\./.test(publish)) problems.push('publish.yml must not use a stored npm token: trusted publishing uses OIDC');
if (!/run: npm test/.test(readFileSync(join(dir, 'ci.yml'), 'utf8'))) problems.push('ci.yml must run npm test');

if (problems.length > 0) {
	console.error(`[check-workflows] ✗ ${problems.join('\n')}`);
	process.exit(1);
}
console.log(`[check-workflows] ✓ ${files.join(', ')}: valid workflows; publish.yml publishes with provenance from a tag after the tests`);
