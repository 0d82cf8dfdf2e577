// A node:test reporter (scripts/test.mjs adds it to the end-to-end run): which suites passed on
// which n8n, with their number of tests, into test-results/tested-versions.json; the README's
// table of tested versions is written from it (scripts/tested-versions.mjs). A top-level suite
// named `n8n <version>` (n8n-1x.test.mjs) files the suites inside it under that version; every
// other top-level suite ran on n8n 2.x.
import { N8N_2X } from '../../scripts/lib/n8n-install.mjs';

export default async function* versionsReporter(source) {
	const versionOfFile = new Map();
	// A file's suites run one after another: its tests finished since its last suite belong to the next.
	const testsSoFar = new Map();
	/** @type {Record<string, Record<string, { passed: boolean, tests: number }>>} */
	const results = {};
	for await (const { type, data } of source) {
		if (type === 'test:start' && data.nesting === 0) {
			const version = /^n8n (\d+\.\d+\.\d+)$/.exec(data.name)?.[1];
			if (version) versionOfFile.set(data.file, version);
		}
		if (type !== 'test:pass' && type !== 'test:fail') continue;
		const wrapper = versionOfFile.get(data.file);
		const suiteLevel = wrapper ? 1 : 0;
		const isSuite = data.details?.type === 'suite';
		if (!isSuite && data.nesting > suiteLevel && !data.skip && !data.todo) testsSoFar.set(data.file, (testsSoFar.get(data.file) ?? 0) + 1);
		if (isSuite && data.nesting === suiteLevel) {
			const version = wrapper ?? N8N_2X.version;
			const earlier = results[version]?.[data.name];
			const tests = (earlier?.tests ?? 0) + (testsSoFar.get(data.file) ?? 0);
			(results[version] ??= {})[data.name] = { passed: type === 'test:pass' && (earlier?.passed ?? true), tests };
			testsSoFar.set(data.file, 0);
		}
	}
	yield `${JSON.stringify(results, null, 2)}\n`;
}
