// The cached n8n is checked, not trusted: a cache whose done marker is there but whose sqlite3
// binding is not (what an earlier version of n8n-install.mjs left behind when npm's
// `ignore-scripts` leaked into its `npm rebuild`) is repaired by the next run, even when that
// run inherits the same leaking setting from `npm start` / `npm test`.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

import { cacheDir, doneMarker, ensureN8n, inspectCache } from '../../scripts/lib/n8n-install.mjs';

const sqliteBuild = join(cacheDir, 'node_modules', 'sqlite3', 'build');

describe('the cached n8n install', () => {
	it('repairs a poisoned cache (done marker, no sqlite3 binding) under npm’s ignore-scripts', async () => {
		await ensureN8n();
		const kept = `${sqliteBuild}.kept-by-test`;
		rmSync(kept, { recursive: true, force: true });
		renameSync(sqliteBuild, kept);
		try {
			assert.ok(existsSync(doneMarker));
			assert.match(inspectCache().sqlite3 ?? '', /./, 'without its build folder sqlite3 must fail the check');

			const run = spawnSync('node', ['scripts/lib/n8n-install.mjs'], {
				encoding: 'utf8',
				timeout: 300_000,
				// As `npm start` hands the project's .npmrc to its scripts.
				env: { ...process.env, npm_config_ignore_scripts: 'true' },
			});
			const output = `${run.stdout}\n${run.stderr}`;
			assert.equal(run.status, 0, output);
			assert.match(output, /is broken \(sqlite3: .+\): repairing it/);
			assert.match(output, /sqlite3 native build for Node 24 done/);
			assert.deepEqual(inspectCache(), {});
			assert.ok(existsSync(join(sqliteBuild, 'Release', 'node_sqlite3.node')));
			assert.ok(existsSync(doneMarker));
		} finally {
			// Put the old binding back only if the repair did not build a new one.
			if (!existsSync(sqliteBuild)) renameSync(kept, sqliteBuild);
			rmSync(kept, { recursive: true, force: true });
		}
	});
});
