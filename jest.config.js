/** Unit tests (pure functions) and integration tests (n8n's engine + the simulator). */
const { N8N_1X, engineDir } = require('./scripts/lib/n8n-1x.cjs');
const { devDependencies } = require('./package.json');
const { mkdirSync, mkdtempSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { randomBytes } = require('node:crypto');

// n8n's engine keeps its settings (a new encryption key) in $N8N_USER_FOLDER/.n8n, else in
// $HOME/.n8n: the tests get a folder of their own in the system temp folder, removed when
// jest ends. The settings are written here, once, so that parallel workers only read them.
if (!process.env.N8N_USER_FOLDER) {
	const folder = mkdtempSync(join(tmpdir(), 'n8n-nodes-wonotify-jest-'));
	mkdirSync(join(folder, '.n8n'));
	writeFileSync(join(folder, '.n8n', 'config'), JSON.stringify({ encryptionKey: randomBytes(24).toString('base64') }), { mode: 0o600 });
	process.env.N8N_USER_FOLDER = folder;
	process.on('exit', () => rmSync(folder, { recursive: true, force: true }));
}

const common = {
	testEnvironment: 'node',
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] },
	// dist/ holds a copy of package.json; jest would see two modules with the same name.
	modulePathIgnorePatterns: ['<rootDir>/dist/'],
};

module.exports = {
	projects: [
		{ ...common, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts'] },
		{
			...common,
			displayName: 'integration',
			testMatch: ['<rootDir>/test/integration/**/*.test.ts'],
			globals: { N8N_ENGINE: { 'n8n-core': devDependencies['n8n-core'], 'n8n-workflow': devDependencies['n8n-workflow'] } },
		},
		// The same tests on the last n8n 1.x's engine (installed by scripts/lib/n8n-engine-1x-install.mjs):
		// our nodes, built against n8n-workflow 2.x, then load n8n-workflow 1.x as they do in n8n 1.x.
		{
			...common,
			displayName: 'integration-n8n-1.x',
			testMatch: ['<rootDir>/test/integration/**/*.test.ts'],
			moduleNameMapper: { '^(n8n-core|n8n-workflow)(/.*)?$': `${engineDir}/node_modules/$1$2` },
			setupFilesAfterEnv: ['<rootDir>/test/compat/n8n-1x-timers.ts'],
			globals: { N8N_ENGINE: { 'n8n-core': N8N_1X['n8n-core'], 'n8n-workflow': N8N_1X['n8n-workflow'], dir: engineDir } },
		},
	],
};
