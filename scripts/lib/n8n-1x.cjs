// The n8n 1.x release the tests run against: the last 1.x line's newest release, the engine
// packages it ships (`npm view n8n@1.123.81 dependencies`) and the Node it runs on (its
// engines field says >=20.19 <=24.x; 22 is the Node of n8n's own 1.x images). CommonJS, so
// that jest.config.js and the ES-module scripts read the same pins.
const { join } = require('node:path');
const { CACHE_ROOT } = require('./settings.cjs');

const N8N_1X = { n8n: '1.123.81', 'n8n-core': '1.122.48', 'n8n-workflow': '1.120.31', node: '22.23.5' };

/** Where n8n-core and n8n-workflow 1.x are installed for the engine-level tests (outside the repo). */
const engineDir =
	process.env.WONOTIFY_N8N1_ENGINE_CACHE || join(CACHE_ROOT, `n8n-engine-${N8N_1X['n8n-core']}`);

module.exports = { N8N_1X, engineDir };
