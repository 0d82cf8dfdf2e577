#!/usr/bin/env node
// Reads a V8 .cpuprofile (e.g. from `npm run bench -- --n8n-cpu-prof`) and prints where the
// time went: busy time, self time by package, and inclusive time of the functions whose
// name or file contains one of the given words.
//
//   node scripts/bench/cpu-profile.mjs test-results/cpu-prof/CPU.….cpuprofile getDecrypted httpRequestWithAuthentication
import { readFileSync } from 'node:fs';

const [file, ...words] = process.argv.slice(2);
if (!file) {
	console.error('usage: node scripts/bench/cpu-profile.mjs <file.cpuprofile> [word …]');
	process.exit(2);
}
const profile = JSON.parse(readFileSync(file, 'utf8'));
const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
const parentOf = new Map();
for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);

const shortUrl = (url) => url.replace(/^file:\/\//, '').replace(/.*node_modules\//, '');
const label = ({ callFrame: f }) => `${f.functionName || '(anonymous)'} ${shortUrl(f.url)}:${f.lineNumber + 1}`;
const packageOf = ({ callFrame: f }) => {
	if (!f.url) return f.functionName.startsWith('(') ? f.functionName : '(native)';
	const match = f.url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)(?!.*node_modules)/);
	return match ? match[1] : f.url.startsWith('node:') ? 'node internals' : shortUrl(f.url);
};

const selfByPackage = new Map();
const inclusive = new Map();
let total = 0;
let idle = 0;
profile.samples.forEach((id, index) => {
	const ms = profile.timeDeltas[index] / 1000;
	total += ms;
	const node = nodes.get(id);
	if (node.callFrame.functionName === '(idle)') {
		idle += ms;
		return;
	}
	selfByPackage.set(packageOf(node), (selfByPackage.get(packageOf(node)) ?? 0) + ms);
	const seen = new Set();
	for (let current = id; current !== undefined; current = parentOf.get(current)) {
		const name = label(nodes.get(current));
		if (seen.has(name)) continue;
		seen.add(name);
		inclusive.set(name, (inclusive.get(name) ?? 0) + ms);
	}
});

const top = (map, count, keep = () => true) =>
	[...map]
		.filter(([name]) => keep(name))
		.sort((a, b) => b[1] - a[1])
		.slice(0, count)
		.map(([name, ms]) => `${ms.toFixed(0).padStart(8)} ms  ${name}`)
		.join('\n');
console.log(`${(total / 1000).toFixed(1)} s profiled, ${((total - idle) / 1000).toFixed(1)} s busy (async waits are not on the stack)`);
console.log(`\nself time by package:\n${top(selfByPackage, 15)}`);
const keep = words.length === 0 ? () => true : (name) => words.some((word) => name.includes(word));
console.log(`\ninclusive time${words.length ? ` of functions matching ${words.join(', ')}` : ''}:\n${top(inclusive, 40, keep)}`);
