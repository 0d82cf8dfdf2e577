// ARCHITECTURE.md's "Where to add" promises that an operation is its file, its line in the
// resource's index.ts and its output schema. This proves it on a temporary copy of the repo:
// a throwaway operation added there in exactly those three places is picked up by the test
// that covers every operation (it runs and matches its schema), and that test fails when the
// schema is missing.
// Test code, never shipped: it copies the repository and runs jest (a child process) in the copy.
/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/require-node-api-error */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import { onN8n1x } from './engine-under-test';

const REPO = join(__dirname, '../..');
const COVERING_TEST = 'test/integration/output-schemas.test.ts';
// What the covering test needs: the node, its credential, the simulator, the engine helpers, and the configs.
const COPIED = [
	'nodes',
	'credentials',
	'scripts/lib/simulator',
	'scripts/lib/n8n-1x.cjs',
	'scripts/lib/settings.cjs',
	'test/compat',
	'test/integration/engine-under-test.ts',
	'test/integration/n8n-engine.ts',
	'test/integration/simulator-setup.ts',
	COVERING_TEST,
	'package.json',
	'tsconfig.json',
	'tsconfig.test.json',
	'jest.config.js',
];
const SCHEMA = 'nodes/Wonotify/__schema__/v1.0.0/message/sendThrowaway.json';

const OPERATION_FILE = `import { chatIdField } from '../../fields/common-fields';
import { parseRecipient } from '../../sending/recipients';
import { textOperation } from '../send-operation';

export const sendThrowaway = textOperation({
	value: 'sendThrowaway',
	name: 'Send Throwaway',
	action: 'Send a throwaway message',
	description: 'Exists only in a temporary copy of the repository',
	recipientField: chatIdField,
	toRecipient: (value) => parseRecipient(chatIdField.displayName, value),
	examples: [{ parameters: { chatId: '919876543210', message: 'Hello' } }],
});
`;

interface JestReport {
	testResults: Array<{ message: string; assertionResults: Array<{ fullName: string; status: string; failureMessages: string[] }> }>;
}

/** Runs the covering test in the copy; bounded: jest is killed after 60 s. */
function runCoveringTest(copy: string, only?: string): JestReport {
	const reportFile = join(copy, 'jest-report.json');
	const filter = only === undefined ? [] : ['-t', only];
	const env = { ...process.env };
	delete env.JEST_WORKER_ID;
	const run = spawnSync(
		process.execPath,
		[join(copy, 'node_modules/.bin/jest'), COVERING_TEST, '--selectProjects', 'integration', '--ci', '--json', '--outputFile', reportFile, ...filter],
		{ cwd: copy, env, encoding: 'utf8', timeout: 60_000, killSignal: 'SIGKILL' },
	);
	if (run.error) throw run.error;
	try {
		return JSON.parse(readFileSync(reportFile, 'utf8')) as JestReport;
	} catch {
		throw new Error(`jest left no report (exit ${run.status}): ${run.stderr.slice(-2000)}`);
	}
}

const results = (report: JestReport) =>
	report.testResults.flatMap((file) => file.assertionResults.map(({ fullName, status, failureMessages }) => ({ fullName, status, failure: failureMessages.join('\n') })));

// Once is enough: the copy runs on n8n 2.x's engine whichever project runs this.
(onN8n1x ? describe.skip : describe)('adding an operation in a copy of the repository', () => {
	let copy: string;
	beforeAll(() => {
		copy = mkdtempSync(join(tmpdir(), 'wonotify-add-operation-'));
		for (const path of COPIED) {
			mkdirSync(dirname(join(copy, path)), { recursive: true });
			cpSync(join(REPO, path), join(copy, path), { recursive: true });
		}
		symlinkSync(join(REPO, 'node_modules'), join(copy, 'node_modules'), 'dir');
		// The three places "Where to add" names, and nothing else:
		writeFileSync(join(copy, 'nodes/Wonotify/operations/message/sendThrowaway.ts'), OPERATION_FILE);
		const index = join(copy, 'nodes/Wonotify/operations/message/index.ts');
		const listed = readFileSync(index, 'utf8')
			.replace(/^/, "import { sendThrowaway } from './sendThrowaway';\n")
			.replace(/operations: \[([^\]]*)\]/, 'operations: [$1, sendThrowaway]');
		if (!listed.includes(', sendThrowaway]')) throw new Error('the message index no longer lists its operations in `operations: [...]`');
		writeFileSync(index, listed);
		cpSync(join(REPO, 'nodes/Wonotify/__schema__/v1.0.0/message/sendText.json'), join(copy, SCHEMA));
	});
	afterAll(() => {
		if (copy) rmSync(copy, { recursive: true, force: true });
	});

	test('the test covering every operation picks it up and passes', () => {
		const all = results(runCoveringTest(copy));
		expect(all.filter(({ status }) => status !== 'passed')).toEqual([]);
		expect(all.filter(({ fullName }) => fullName.includes('sendThrowaway')).map(({ fullName }) => fullName)).toEqual([
			'message → sendThrowaway has an output schema and an example run, or says why it has no schema',
			'message → sendThrowaway matches its schema',
		]);
	}, 90_000);

	test('without its output schema, that test fails and says what to add', () => {
		rmSync(join(copy, SCHEMA));
		const failed = results(runCoveringTest(copy, 'sendThrowaway')).filter(({ status }) => status === 'failed');
		expect(failed.map(({ fullName }) => fullName)).toContain('message → sendThrowaway has an output schema and an example run, or says why it has no schema');
		expect(failed.map(({ failure }) => failure).join('\n')).toContain('no output schema: add __schema__/v1.0.0/message/sendThrowaway.json');
	}, 90_000);
});
