// ARCHITECTURE.md is the map a new maintainer starts from: its tree must name every folder under
// nodes/ and every file outside operations/ and __schema__/, and nothing that is gone. A file
// added or renamed without the map following fails here, naming what to add or remove.
// Test code, never shipped: it reads the repository's files.
/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
import { readdirSync, readFileSync, statSync } from 'fs';
import { join, relative } from 'path';

const root = join(__dirname, '../..');

/** What the map must name: folders below nodes/ (not inside __schema__/), and files outside operations/ and __schema__/. */
function actualEntries(): string[] {
	const entries: string[] = [];
	const walk = (dir: string) => {
		for (const name of readdirSync(dir).sort()) {
			const path = join(dir, name);
			const rel = relative(root, path);
			const insideSchema = rel.split('/').includes('__schema__');
			const insideOperations = rel.split('/').includes('operations');
			if (statSync(path).isDirectory()) {
				if (!insideSchema || name === '__schema__') entries.push(`${rel}/`);
				walk(path);
			} else if (!insideSchema && !insideOperations) {
				entries.push(rel);
			}
		}
	};
	walk(join(root, 'nodes'));
	return entries;
}

/**
 * The paths the map's tree names under nodes/: the tree is the first fenced block, two spaces
 * of indent a level, a folder ends with `/`, the first word of a line is its name, and a line
 * that starts with more spaces than its level continues the description above it.
 */
function mappedEntries(): { entries: string[]; undescribed: string[] } {
	const doc = readFileSync(join(root, 'ARCHITECTURE.md'), 'utf8');
	const tree = /```\n([\s\S]*?)```/.exec(doc)?.[1] ?? '';
	const folders: string[] = [];
	const entries: string[] = [];
	const undescribed: string[] = [];
	for (const line of tree.split('\n')) {
		const match = /^( *)(\S+)(.*)$/.exec(line);
		if (!match) continue;
		const level = match[1].length / 2;
		if (!Number.isInteger(level) || level > folders.length) continue;
		folders.length = level;
		const name = match[2];
		const path = [...folders, name].join('');
		if (name.endsWith('/')) folders.push(name);
		if (!path.startsWith('nodes/') || path === 'nodes/') continue;
		entries.push(path);
		// One line each on the job it does.
		if (match[3].trim() === '') undescribed.push(path);
	}
	return { entries, undescribed };
}

test('ARCHITECTURE.md names every folder and file of the nodes, each with its job, and nothing that is gone', () => {
	const { entries, undescribed } = mappedEntries();
	const mapped = new Set(entries);
	const actual = new Set(actualEntries());
	expect({
		missingFromTheMap: [...actual].filter((entry) => !mapped.has(entry)),
		goneButMapped: [...mapped].filter((entry) => !actual.has(entry)),
		withoutItsJob: undescribed,
	}).toEqual({ missingFromTheMap: [], goneButMapped: [], withoutItsJob: [] });
});
