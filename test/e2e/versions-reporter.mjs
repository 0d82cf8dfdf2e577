// A node:test reporter (scripts/test.mjs adds it to the end-to-end run): which suites passed on
// which n8n, with their number of tests, into test-results/tested-versions.json; the README's
// table of tested versions is written from it (scripts/tested-versions.mjs). A top-level suite
// named `n8n <version>` (n8n-1x.test.mjs) files the suites inside it under that version; every
// other top-level suite ran on n8n 2.x.
import { N8N_2X } from '../../scripts/lib/n8n-install.mjs';

export default async function* versionsReporter(source) {
	// The files run one at a time (--test-concurrency=1), so their events come in order: the
	// top-level suite being run says which n8n, and the tests finished since the last suite
	// completed belong to the next suite that completes. (`data.file` names the file that
	// defines a test, a *.suite.mjs, not the test file that runs it.)
	let wrapperVersion;
	let testsSoFar = 0;
	/** @type {Record<string, Record<string, { passed: boolean, tests: number }>>} */
	const results = {};
	for await (const { type, data } of source) {
		if (type === 'test:start' && data.nesting === 0) wrapperVersion = /^n8n (\d+\.\d+\.\d+)$/.exec(data.name)?.[1];
		if (type !== 'test:pass' && type !== 'test:fail') continue;
		const suiteLevel = wrapperVersion ? 1 : 0;
		const isSuite = data.details?.type === 'suite';
		if (!isSuite && data.nesting > suiteLevel && !data.skip && !data.todo) testsSoFar += 1;
		if (isSuite && data.nesting === suiteLevel) {
			const version = wrapperVersion ?? N8N_2X.version;
			const earlier = results[version]?.[data.name];
			results[version] ??= {};
			results[version][data.name] = { passed: type === 'test:pass' && (earlier?.passed ?? true), tests: (earlier?.tests ?? 0) + testsSoFar };
			testsSoFar = 0;
		}
	}
	yield `${JSON.stringify(results, null, 2)}\n`;
}
