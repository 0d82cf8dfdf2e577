// The output schemas in nodes/Wonotify/__schema__ (what n8n shows for mapping before the
// first run) must describe what each operation really returns: same fields, same types.
// The operations come from the node's description, so a new one is covered without a
// change here: it fails until it has a schema and an example run (see ARCHITECTURE.md,
// "Where to add").
// Test code, never shipped: it reads the schema files.
/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { findOperation } from '../../nodes/Wonotify/resources';
import type { OperationExample, WonotifyOperation } from '../../nodes/Wonotify/types';
import { Wonotify } from '../../nodes/Wonotify/Wonotify.node';
import { runWonotifyNode } from './n8n-engine';
import { credentialsFor, SEEDED_INSTANCE, SEEDED_TOKEN, useSimulator } from './simulator-setup';

const ctx = useSimulator();
const description = new Wonotify().description;
const SCHEMA_DIR = join(__dirname, '../../nodes/Wonotify/__schema__', `v${description.version}.0.0`);

/** Every resource → operation the node offers, as its Operation pickers list them. */
function describedOperations(): Array<{ resource: string; operation: string; label: string; found: WonotifyOperation }> {
	return description.properties
		.filter((property) => property.name === 'operation')
		.flatMap((picker) =>
			(picker.displayOptions?.show?.resource as string[]).flatMap((resource) =>
				(picker.options as Array<{ value: string }>).map(({ value: operation }) => {
					const found = findOperation(resource, operation);
					if (found === undefined) throw new Error(`${resource} → ${operation} is in the description but not found`);
					return { resource, operation, label: `${resource} → ${operation}`, found };
				}),
			),
		);
}

const operations = describedOperations();
const schemaPath = (resource: string, operation: string) => join(SCHEMA_DIR, resource, `${operation}.json`);

describe.each(operations)('$label', ({ resource, operation, found }) => {
	test('has an output schema and an example run, or says why it has no schema', () => {
		if (found.noOutputSchema !== undefined) {
			expect(found.noOutputSchema.trim()).not.toBe('');
			expect(existsSync(schemaPath(resource, operation))).toBe(false);
			return;
		}
		if (!existsSync(schemaPath(resource, operation))) {
			throw new Error(`no output schema: add __schema__/v${description.version}.0.0/${resource}/${operation}.json`);
		}
		if ((found.examples ?? []).length === 0) {
			throw new Error(`no example: add \`examples\` (parameters that make it succeed) to the operation's file`);
		}
	});
});

test('every schema file belongs to an operation of the node', () => {
	const offered = new Set(operations.map(({ resource, operation }) => `${resource}/${operation}.json`));
	const files = readdirSync(SCHEMA_DIR).flatMap((resource) => readdirSync(join(SCHEMA_DIR, resource)).map((file) => `${resource}/${file}`));
	expect(files.filter((file) => !offered.has(file))).toEqual([]);
});

type Schema = { properties: Record<string, { type: string | string[] }>; required?: string[] };
const typeOf = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

const runs = operations
	.filter(({ found }) => found.noOutputSchema === undefined)
	.flatMap(({ resource, operation, label, found }) =>
		(found.examples ?? []).map((example: OperationExample) => ({
			resource,
			operation,
			example,
			name: `${label}${example.situation ? ` (${example.situation})` : ''}`,
		})),
	);

test.each(runs)('$name matches its schema', async ({ resource, operation, example }) => {
	const schema = JSON.parse(readFileSync(schemaPath(resource, operation), 'utf8')) as Schema;
	// An instance is created not connected; the seeded one is.
	const instanceId = example.instance === 'notConnected' ? ctx.sim.addInstance({ token: SEEDED_TOKEN }).id : SEEDED_INSTANCE.id;
	const result = await runWonotifyNode({
		parameters: { ...example.parameters, resource, operation, instanceId } as never,
		credentials: credentialsFor(ctx.sim),
	});
	expect(result.error).toBeUndefined();
	const json = result.items[0].json;
	// Fields the schema does not list as required (e.g. a warning) may be missing; none may be extra.
	const required = schema.required ?? Object.keys(schema.properties);
	expect(Object.keys(json).filter((field) => !Object.hasOwn(schema.properties, field))).toEqual([]);
	expect(required.filter((field) => !Object.hasOwn(json, field))).toEqual([]);
	for (const [field, { type }] of Object.entries(schema.properties)) {
		if (!Object.hasOwn(json, field)) continue;
		expect([field, [type].flat()]).toEqual([field, expect.arrayContaining([typeOf(json[field])])]);
	}
});
