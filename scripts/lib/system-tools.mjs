// The programs from outside npm that the end-to-end tests need, in one place, so that
// `npm test` can say up front what is missing (instead of failing after minutes of work).
import { spawnSync } from 'node:child_process';

/** Debian's chromium for the editor test; CHROMIUM_PATH points elsewhere on other systems. */
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
/** Debian's redis-server for the queue-mode test; REDIS_SERVER_PATH points elsewhere. */
export const REDIS_SERVER = process.env.REDIS_SERVER_PATH || '/usr/bin/redis-server';

const TOOLS = [
	{ path: CHROMIUM, variable: 'CHROMIUM_PATH', debian: 'chromium', forWhat: 'the editor test' },
	{ path: REDIS_SERVER, variable: 'REDIS_SERVER_PATH', debian: 'redis-server', forWhat: 'the queue-mode test' },
];

/** One sentence per tool that is missing or does not run (`--version` fails); empty when all are there. */
export function missingSystemTools() {
	return TOOLS.filter(({ path }) => spawnSync(path, ['--version'], { stdio: 'ignore', timeout: 30_000 }).status !== 0).map(
		({ path, variable, debian, forWhat }) => `${path} (for ${forWhat}) is missing or does not run: apt-get install ${debian}, or set ${variable}`,
	);
}
