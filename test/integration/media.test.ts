// Incoming media in n8n's engine, against files the simulator encrypts and serves as WhatsApp
// does: the trigger's Download Media option and the Download Media operation, byte for byte,
// with every failure the issue names (expired link, damaged file, foreign host, size limit,
// no media) and Continue On Fail.
// Test code, never shipped: a media server without Content-Length needs an HTTP server.
/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { eventsToItems } from '../../nodes/WonotifyTrigger/events';
import { runWonotifyNode } from './n8n-engine';
import { credentialsFor, SEEDED_INSTANCE, useSimulator } from './simulator-setup';
import { startTriggerHost, type TriggerHost } from './trigger-engine';

const ctx = useSimulator();
const INSTANCE = SEEDED_INSTANCE.id;
const allowSimulator = () => ({ allowedMediaHosts: `127.0.0.1:${ctx.sim.port}` });

/** A file the simulator encrypted and serves, and the trigger item a message with it becomes. */
function incomingFile(spec: IDataObject = {}, simplify = true) {
	const { id, plain, message } = ctx.sim.media.add(ctx.sim.url, spec) as { id: string; plain: Buffer; message: IDataObject };
	const body = {
		instance_id: INSTANCE,
		data: {
			event: 'messages.upsert',
			data: { type: 'notify', messages: [{ key: { remoteJid: '919812345678@s.whatsapp.net', fromMe: false, id: `3AFILE${id.slice(0, 6)}` }, message }] },
		},
	};
	return { id, plain, item: eventsToItems(body, { simplify }).items[0] };
}

const bytesOf = (item: INodeExecutionData, property = 'data') => Buffer.from(item.binary?.[property]?.data ?? '', 'base64');

async function download(items: IDataObject[], options: IDataObject = allowSimulator(), extra: IDataObject = {}) {
	return await runWonotifyNode({
		parameters: { resource: 'message', operation: 'downloadMedia', incomingMessage: '={{ $json }}', binaryPropertyName: 'data', options, ...extra },
		credentials: credentialsFor(ctx.sim),
		items: items.map((json) => ({ json })),
		continueOnFail: extra.continueOnFail === true,
	});
}

describe('Download Media operation', () => {
	test.each([
		['a photo', { kind: 'image' }, 'image/jpeg', /^image-3AFILE\w+\.jpg$/],
		['a voice note', { kind: 'voice' }, 'audio/ogg', /^voice-3AFILE\w+\.ogg$/],
		['a document', { kind: 'document', keyShape: 'buffer' }, 'application/pdf', /^invoice\.pdf$/],
		['a sticker with index-keyed byte fields', { kind: 'sticker', keyShape: 'indexed', file: Buffer.from('RIFF....WEBPVP8 ') }, 'image/webp', /\.webp$/],
	])('%s from a simplified trigger item arrives byte for byte, the item’s JSON kept', async (_, spec, mimeType, fileName) => {
		const { plain, item } = incomingFile(spec);
		const { items, error } = await download([item]);
		expect(error).toBeUndefined();
		expect(bytesOf(items[0]).equals(plain)).toBe(true);
		expect(items[0].binary?.data).toMatchObject({ mimeType, fileName: expect.stringMatching(fileName) });
		expect(items[0].json).toEqual(item);
	});

	test('a raw trigger item (Simplify off) works too', async () => {
		const { plain, item } = incomingFile({ kind: 'voice' }, false);
		const { items } = await download([item]);
		expect(bytesOf(items[0]).equals(plain)).toBe(true);
	});

	test('another binary field name', async () => {
		const { plain, item } = incomingFile();
		const { items } = await download([item], allowSimulator(), { binaryPropertyName: 'photo' });
		expect(bytesOf(items[0], 'photo').equals(plain)).toBe(true);
	});

	test("the input item's other files go on with the downloaded one", async () => {
		const { plain, item } = incomingFile({ kind: 'image' });
		const earlier = { data: Buffer.from('an earlier file').toString('base64'), mimeType: 'text/plain', fileName: 'earlier.txt' };
		const { items, error } = await runWonotifyNode({
			parameters: { resource: 'message', operation: 'downloadMedia', incomingMessage: '={{ $json }}', binaryPropertyName: 'photo', options: allowSimulator() },
			credentials: credentialsFor(ctx.sim),
			items: [{ json: item, binary: { earlier } }],
		});
		expect(error).toBeUndefined();
		expect(bytesOf(items[0], 'photo').equals(plain)).toBe(true);
		expect(bytesOf(items[0], 'earlier').toString()).toBe('an earlier file');
	});

	test('bad input names the field and the item, before anything is fetched', async () => {
		const good = incomingFile().item;
		const text = { type: 'text', text: 'Hi', media: null, chatId: '919812345678@s.whatsapp.net' };
		const { error } = await download([good, text]);
		expect(error?.message).toBe('Message: The message has no file to download: it is a message of type "text" [item 1]');
		expect(ctx.sim.media.downloads).toBe(0);
	});

	test("a URL on a host that is not WhatsApp's is refused with 0 requests made", async () => {
		let requests = 0;
		const other: Server = createServer((_, res) => {
			requests += 1;
			res.end('secret internal page');
		});
		await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
		const { port } = other.address() as AddressInfo;
		try {
			const { item } = incomingFile();
			const media = item.media as IDataObject;
			const pointed = { ...item, media: { ...media, download: { ...(media.download as IDataObject), url: `http://127.0.0.1:${port}/latest/meta-data` } } };
			const { error } = await download([pointed], allowSimulator());
			expect(error?.message).toMatch(/The media URL's host 127\.0\.0\.1:\d+ is not WhatsApp's .*nothing was fetched \[item 0\]/);
			expect(requests).toBe(0);
			expect(ctx.sim.media.downloads).toBe(0);
		} finally {
			await new Promise((resolve) => other.close(resolve));
		}
	});

	test.each([
		['nothing listens at the address', 'refused', /^The download from WhatsApp's media server failed: nothing answers at that address$/],
		['the connection is dropped mid-file', 'drop', /^The download from WhatsApp's media server failed: the connection broke before the file arrived$/],
	])('a network failure (%s) is worded like the rest, not with n8n\'s generic words', async (_label, how, expected) => {
		const server: Server = createServer((_req, res) => {
			res.writeHead(200, { 'Content-Length': '100000' });
			res.write(Buffer.alloc(1000));
			res.socket?.destroy();
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		const { port } = server.address() as AddressInfo;
		if (how === 'refused') await new Promise((resolve) => server.close(resolve));
		try {
			const { item } = incomingFile();
			const media = item.media as IDataObject;
			const pointed = { ...item, media: { ...media, download: { ...(media.download as IDataObject), url: `http://127.0.0.1:${port}/v/file.enc` } } };
			const { error } = await download([pointed], { allowedMediaHosts: `127.0.0.1:${port}` });
			expect(error?.message).toMatch(expected);
			expect((error as unknown as { description: string }).description).toMatch(/can reach the internet/);
		} finally {
			if (how !== 'refused') await new Promise((resolve) => server.close(resolve));
		}
	});

	test('a file over Max Media Size is refused from its announced size, before any request', async () => {
		const { item } = incomingFile({ kind: 'image' });
		const { error } = await download([item], { ...allowSimulator(), maxMediaSizeMb: 0.001 });
		// Sizes that round alike are shown with more decimals.
		expect(error?.message).toMatch(/^Message: The message announces 0\.0\d\d MB, over the Max Media Size of 0\.001 MB/);
		expect(ctx.sim.media.downloads).toBe(0);
	});

	test('the size limit also holds for the bytes as they arrive (no size announced, no Content-Length)', async () => {
		// Larger than what the sockets between the two can buffer, so that stopping early shows.
		const { id, item } = incomingFile({ kind: 'video', file: Buffer.alloc(24_000_000, 1) });
		const stored = ctx.sim.media.list().find((file: { id: string }) => file.id === id) as { encrypted: Buffer };
		let sent = 0;
		const chunked: Server = createServer((_, res) => {
			res.writeHead(200, { 'Content-Type': 'application/octet-stream' });
			const step = (offset: number) => {
				if (offset >= stored.encrypted.length) return void res.end();
				const chunk = stored.encrypted.subarray(offset, offset + 65536);
				sent += chunk.length;
				res.write(chunk, () => step(offset + 65536));
			};
			step(0);
		});
		await new Promise<void>((resolve) => chunked.listen(0, '127.0.0.1', resolve));
		const { port } = chunked.address() as AddressInfo;
		try {
			const media = item.media as IDataObject;
			const unannounced = {
				...item,
				media: { ...media, size: null, download: { ...(media.download as IDataObject), url: `http://127.0.0.1:${port}/file.enc` } },
			};
			const { error } = await download([unannounced], { allowedMediaHosts: `127.0.0.1:${port}`, maxMediaSizeMb: 1 });
			// Where the cut falls depends on how the network hands over the bytes; what the limit
			// promises is that the download stopped once past it, long before the whole file.
			const passed = /^The download passed (\d+\.\d{3}) MB, over the Max Media Size of 1\.000 MB: the file was not downloaded/.exec(
				String(error?.message),
			);
			expect(passed).not.toBeNull();
			expect(Number(passed?.[1])).toBeGreaterThan(1);
			expect(Number(passed?.[1])).toBeLessThan(stored.encrypted.length / 1e6);
			expect(sent).toBeLessThan(stored.encrypted.length);
		} finally {
			chunked.closeAllConnections();
			await new Promise((resolve) => chunked.close(resolve));
		}
	});

	test('Continue On Fail: an expired link, a damaged file and a message without media fail alone', async () => {
		const expired = incomingFile({ kind: 'voice' });
		ctx.sim.media.expire(expired.id);
		const damaged = incomingFile({ kind: 'document' });
		ctx.sim.media.damage(damaged.id);
		const good = incomingFile({ kind: 'image' });
		const text = { type: 'text', text: 'Hi', media: null };
		const { items, error } = await download([expired.item, damaged.item, text, good.item], allowSimulator(), { continueOnFail: true });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(4);
		// The chat stays on a failed item, to ask the sender for the file again.
		expect(items[0].json).toEqual({
			error: 'The media is no longer available from WhatsApp (HTTP 410): its link has expired',
			details: { description: expect.stringMatching(/download files as they arrive: the Wonotify Trigger's Download Media option/), chatId: '919812345678@s.whatsapp.net' },
		});
		expect(items[1].json.error).toMatch(/failed WhatsApp's integrity check: its MAC does not match/);
		expect(items[1].binary).toBeUndefined();
		expect(items[2].json.error).toMatch(/^Message: The message has no file to download/);
		expect(bytesOf(items[3]).equals(good.plain)).toBe(true);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
	});
});

describe('Wonotify Trigger with Download Media', () => {
	let host: TriggerHost;
	const options = (extra: IDataObject = {}) => ({ downloadMedia: true, ...allowSimulator(), ...extra });

	beforeEach(async () => {
		host = await startTriggerHost({
			parameters: { instanceId: INSTANCE, events: ['messageReceived'], simplify: true, options: options() },
			credentials: credentialsFor(ctx.sim),
		});
		await host.activate();
	});
	afterEach(async () => {
		await host.close();
	});

	const plainOf = (index = -1) => (ctx.sim.media.list().at(index) as { plain: Buffer }).plain;

	test('a voice note, a photo and a document arrive as binary data, byte for byte', async () => {
		for (const kind of ['voice', 'image', 'document']) {
			await ctx.sim.emitIncomingMedia(INSTANCE, { from: '919812345678', kind, caption: 'see this' });
			const [item] = host.executions.at(-1) ?? [];
			expect(item.json).toMatchObject({ type: kind, chatId: '919812345678@s.whatsapp.net' });
			expect(item.json.mediaError).toBeUndefined();
			expect(bytesOf(item).equals(plainOf())).toBe(true);
		}
		expect(host.executions).toHaveLength(3);
	});

	test('another binary field name, and raw items (Simplify off)', async () => {
		host.parameters = { ...host.parameters, simplify: false, options: options({ binaryPropertyName: 'file' }) };
		await ctx.sim.emitIncomingMedia(INSTANCE, { from: '919812345678', kind: 'image' });
		const [item] = host.executions.at(-1) ?? [];
		expect(bytesOf(item, 'file').equals(plainOf())).toBe(true);
	});

	test('a failed download keeps the message: no binary, a readable mediaError', async () => {
		// The host refused: the message still starts the workflow.
		host.parameters = { ...host.parameters, options: options({ allowedMediaHosts: '' }) };
		await ctx.sim.emitIncomingMedia(INSTANCE, { from: '919812345678', kind: 'voice' });
		const [item] = host.executions.at(-1) ?? [];
		expect(item.binary).toBeUndefined();
		expect(item.json).toMatchObject({ type: 'voice', mediaError: expect.stringMatching(/is not WhatsApp's .*Allowed Media Hosts/) });
		expect(ctx.sim.media.downloads).toBe(0);
		expect(host.logs.some((line) => /debug: Wonotify Trigger could not download a message's media/.test(line))).toBe(true);
	});

	test('Media Types to Download: the other kinds arrive without their file, nothing fetched for them', async () => {
		host.parameters = { ...host.parameters, options: options({ downloadMediaTypes: ['voice'] }) };
		await ctx.sim.emitIncomingMedia(INSTANCE, { from: '919812345678', kind: 'document' });
		const [document] = host.executions.at(-1) ?? [];
		expect(document).toEqual({ json: expect.objectContaining({ type: 'document' }) });
		expect(document.json.mediaError).toBeUndefined();
		expect(ctx.sim.media.downloads).toBe(0);
		await ctx.sim.emitIncomingMedia(INSTANCE, { from: '919812345678', kind: 'voice' });
		const [voice] = host.executions.at(-1) ?? [];
		expect(bytesOf(voice).equals(plainOf())).toBe(true);
		expect(ctx.sim.media.downloads).toBe(1);
	});

	test('a bad setting is reported on the item instead of losing the message', async () => {
		host.parameters = { ...host.parameters, options: options({ maxMediaSizeMb: -1 }) };
		await ctx.sim.emitIncomingMedia(INSTANCE, { from: '919812345678', kind: 'image' });
		const [item] = host.executions.at(-1) ?? [];
		expect(item.json.mediaError).toMatch(/^Download Media is set up wrongly: Max Media Size \(MB\): must be a number above 0/);
	});

	test('text messages are untouched, and with the option off nothing is downloaded', async () => {
		await ctx.sim.emitIncomingText(INSTANCE, { from: '919812345678', text: 'Hi' });
		expect(host.executions.at(-1)?.[0]).toEqual({ json: expect.objectContaining({ type: 'text' }) });
		host.parameters = { ...host.parameters, options: { ...allowSimulator() } };
		await ctx.sim.emitIncomingMedia(INSTANCE, { from: '919812345678', kind: 'image' });
		expect(host.executions.at(-1)?.[0].binary).toBeUndefined();
		expect(ctx.sim.media.downloads).toBe(0);
	});
});
