// Checks the package.json fields n8n's verification and npm's provenance compare with the
// repository the package was built from: repository, homepage and bugs name one GitHub
// repository, an author is set, and CHANGELOG.md has a section for the version. (Whether
// they name the *real* repository only a maintainer can tell: README, "Releasing".)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const problems = [];

const githubRepo = (url) => /github\.com[/:]([^/]+\/[^/#?]+?)(?:\.git)?(?:[/#?].*)?$/.exec(url ?? '')?.[1]?.toLowerCase();
const repo = githubRepo(manifest.repository?.url);
if (repo === undefined) problems.push(`repository.url is not a GitHub repository: ${manifest.repository?.url}`);
for (const [field, url] of [['homepage', manifest.homepage], ['bugs.url', manifest.bugs?.url]]) {
	if (githubRepo(url) !== repo) problems.push(`${field} (${url}) names another repository than repository.url (${repo})`);
}
if (!manifest.author?.name || !manifest.author?.email) problems.push('author needs a name and an e-mail');

const changelog = readFileSync(join(root, 'CHANGELOG.md'), 'utf8');
if (!new RegExp(`^## \\[?${manifest.version.replaceAll('.', '\\.')}\\]?`, 'm').test(changelog)) {
	problems.push(`CHANGELOG.md has no "## ${manifest.version}" section for package.json's version`);
}

if (problems.length > 0) {
	console.error(problems.map((problem) => `[check-release-fields] ✗ ${problem}`).join('\n'));
	process.exit(1);
}
console.log(`[check-release-fields] ✓ repository, homepage and bugs name github.com/${repo}; CHANGELOG.md has ${manifest.version}`);
