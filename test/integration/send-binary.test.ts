// Send Media with File Source "Binary File", in n8n's engine: the node hands the gateway
// n8n's signed link (n8n-core's createBinarySignedUrl), the simulator downloads it like the
// gateway and the bytes it received are the workflow's, byte for byte. Bad input is refused
// before anything is sent; a link the gateway cannot fetch becomes an error that says so.
import { createHash } from 'node:crypto';

import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { runWonotifyNode } from './n8n-engine';
import { useFileLinkHost } from './n8n-file-links';
import { closedPort, credentialsFor, deepText, SEEDED_INSTANCE, useSimulator } from './simulator-setup';

const ctx = useSimulator();
const n8n = useFileLinkHost();
const GROUP = '120363023285171234@g.us';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
// Small files with the signatures of what they claim to be.
const FILES = {
	photo: { bytes: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(3000, 7), Buffer.from([0xff, 0xd9])]), fileName: 'chart.jpg', mimeType: 'image/jpeg' },
	pdf: { bytes: Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'), fileName: 'invoice 42.pdf', mimeType: 'application/pdf' },
	voice: { bytes: Buffer.concat([Buffer.from('OggS'), Buffer.alloc(2000, 1)]), fileName: 'reply.ogg', mimeType: 'audio/ogg' },
};

const sendFile = (extra: IDataObject = {}) => ({
	resource: 'message',
	operation: 'sendMedia',
	chatId: '919812345678',
	instanceId: SEEDED_INSTANCE.id,
	fileSource: 'binary',
	binaryPropertyName: 'data',
	caption: 'Here you are',
	...extra,
});

async function run(parameters: IDataObject, items: INodeExecutionData[], options: { continueOnFail?: boolean; n8nUrl?: string } = {}) {
	return await runWonotifyNode({ parameters, credentials: credentialsFor(ctx.sim), items, n8nUrl: options.n8nUrl ?? n8n.url, continueOnFail: options.continueOnFail });
}

const lastSent = () => ctx.sim.getInstance(SEEDED_INSTANCE.id)?.sent.at(-1) as IDataObject & { media?: IDataObject };

describe('Send Media from a binary file', () => {
	test.each(Object.entries(FILES))('a %s stored by n8n reaches the gateway byte for byte, through n8n’s signed link', async (_, file) => {
		const binary = await n8n.store(file.bytes, file.fileName, file.mimeType);
		const { items, error } = await run(sendFile(), [{ json: { customer: 'A' }, binary: { data: binary } }]);
		expect(error).toBeUndefined();
		const [request] = ctx.sim.requestsTo('/send');
		const body = request.body as IDataObject;
		expect(body.media_url).toMatch(new RegExp(`^${n8n.url}/rest/binary-data/signed\\?token=`));
		expect(body).toMatchObject({ type: 'media', message: 'Here you are', filename: file.fileName });
		expect(lastSent().media).toMatchObject({ ok: true, size: file.bytes.length, sha256: sha256(file.bytes), contentType: file.mimeType, fileName: file.fileName });
		expect(items[0].json).toMatchObject({ messageId: expect.any(String), phoneNumber: '919812345678', status: 'pending' });
		// n8n at 127.0.0.1: sent all the same, and the output says what the gateway was given and what to change.
		expect(items[0].json.warning).toContain(`Wonotify was given the file at ${n8n.url}/rest/binary-data/signed, a local or private address`);
		expect(items[0].json.warning).toContain("n8n's WEBHOOK_URL environment variable");
		expect(items[0].json.warning).not.toContain('token=');
	});

	test('Group → Send Media sends a file a Code node kept in memory: n8n stores it first, the File Name field wins', async () => {
		const { bytes } = FILES.pdf;
		const inMemory = { data: bytes.toString('base64'), mimeType: 'application/pdf', fileName: 'x.pdf' };
		const { items, error } = await run(
			{ resource: 'group', operation: 'sendMedia', groupId: GROUP, instanceId: SEEDED_INSTANCE.id, fileSource: 'binary', binaryPropertyName: 'report', fileName: 'Report May.pdf' },
			[{ json: {}, binary: { report: inMemory } }],
		);
		expect(error).toBeUndefined();
		expect(ctx.sim.requestsTo('/send_group')[0].body).toMatchObject({ filename: 'Report May.pdf', group_id: GROUP });
		expect(lastSent().media).toMatchObject({ size: bytes.length, sha256: sha256(bytes) });
		expect(items[0].json).toMatchObject({ groupId: GROUP, messageId: expect.any(String) });
	});

	test('the link expires after the Link Expiry option (default one hour) and names only the file', async () => {
		const binary = await n8n.store(FILES.photo.bytes, 'a.jpg', 'image/jpeg');
		const claims = async (options: IDataObject) => {
			ctx.sim.clearRequests();
			await run(sendFile({ options }), [{ json: {}, binary: { data: binary } }]);
			const token = new URL(String((ctx.sim.requestsTo('/send')[0].body as IDataObject).media_url)).searchParams.get('token') ?? '';
			return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as { id: string; iat: number; exp: number };
		};
		const byDefault = await claims({});
		expect(byDefault.exp - byDefault.iat).toBe(3600);
		expect(Object.keys(byDefault).sort()).toEqual(['exp', 'iat', 'id']);
		const short = await claims({ linkExpiryMinutes: 5 });
		expect(short.exp - short.iat).toBe(300);
	});

	test('several items, in parallel: each recipient gets its own file', async () => {
		const stored = await Promise.all([FILES.photo, FILES.pdf, FILES.voice].map(async (f) => await n8n.store(f.bytes, f.fileName, f.mimeType)));
		const numbers = ['919812345671', '919812345672', '919812345673'];
		const { items, error } = await run(
			sendFile({ chatId: '={{ $json.to }}', options: { parallelSends: 3 } }),
			stored.map((binary, index) => ({ json: { to: numbers[index] }, binary: { data: binary } })),
		);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(3);
		const sent = ctx.sim.getInstance(SEEDED_INSTANCE.id)?.sent ?? [];
		const byNumber = Object.fromEntries(sent.map((entry: IDataObject & { key: IDataObject; media?: IDataObject }) => [String(entry.key.remoteJid).split('@')[0], entry.media?.sha256]));
		expect(byNumber).toEqual({
			[numbers[0]]: sha256(FILES.photo.bytes),
			[numbers[1]]: sha256(FILES.pdf.bytes),
			[numbers[2]]: sha256(FILES.voice.bytes),
		});
	});
});

describe('Send Media from a binary file: bad input, before anything is sent', () => {
	test.each([
		['no file of that name', { json: {}, binary: { photo: { data: 'AQID', mimeType: 'image/png' } } }, 'Input Binary Field: the item has no file "data" (its files: photo) [item 1]'],
		['no files at all', { json: { text: 'invoice' } }, 'Input Binary Field: the item has no file "data": it has no files at all [item 1]'],
		['a JSON field of that name', { json: { data: { total: 12 } } }, 'Input Binary Field: "data" is a JSON field of the item, not a file [item 1]'],
		['an empty file', { json: {}, binary: { data: { data: '', mimeType: 'application/pdf', fileName: 'empty.pdf' } } }, 'Input Binary Field: the file in "data" (empty.pdf) is empty [item 1]'],
	] as const)('%s in item 1 stops the node naming the field and the item', async (_, badItem, message) => {
		const good = { json: {}, binary: { data: await n8n.store(FILES.pdf.bytes, 'a.pdf', 'application/pdf') } };
		const { error } = await run(sendFile(), [good, badItem as INodeExecutionData]);
		expect(error?.message).toBe(message);
		expect(ctx.sim.requestsTo('/send')).toHaveLength(0);
	});

	test('an empty stored file is refused too, from n8n’s records (the file is not read)', async () => {
		const empty = await n8n.store(Buffer.alloc(0), 'blank.txt', 'text/plain');
		const { error } = await run(sendFile(), [{ json: {}, binary: { data: empty } }]);
		expect(error?.message).toBe('Input Binary Field: the file in "data" (blank.txt) is empty [item 0]');
		expect(ctx.sim.requestsTo('/send')).toHaveLength(0);
	});

	test('with Continue On Fail, only the bad item fails and the others are sent', async () => {
		const good = { json: {}, binary: { data: await n8n.store(FILES.photo.bytes, 'a.jpg', 'image/jpeg') } };
		const { items, error } = await run(sendFile(), [good, { json: {} }, good], { continueOnFail: true });
		expect(error).toBeUndefined();
		expect(items.map((item) => (item.json.error ? 'failed' : 'sent'))).toEqual(['sent', 'failed', 'sent']);
		expect(items[1].json.error).toBe('Input Binary Field: the item has no file "data": it has no files at all [item 1]');
		expect(ctx.sim.requestsTo('/send')).toHaveLength(2);
	});

	test('n8n keeping files in memory (n8n 1.x’s default) has no link to give: the error names the setting', async () => {
		const { error } = await n8n.inMemoryMode(
			async () => await run(sendFile(), [{ json: {}, binary: { data: { data: FILES.pdf.bytes.toString('base64'), mimeType: 'application/pdf', fileName: 'a.pdf' } } }]),
		);
		expect(error?.message).toBe('Input Binary Field: n8n keeps files in memory, so it has no link to give Wonotify [item 0]');
		expect(error?.description).toContain('N8N_DEFAULT_BINARY_DATA_MODE=filesystem');
		expect(ctx.sim.requestsTo('/send')).toHaveLength(0);
	});
});

describe('Send Media from a binary file: when the gateway cannot fetch it', () => {
	test('a link the gateway cannot download becomes an error naming the address and the setting, without the token', async () => {
		const binary = await n8n.store(FILES.pdf.bytes, 'a.pdf', 'application/pdf');
		const down = `http://127.0.0.1:${await closedPort()}`;
		const { error } = await run(sendFile(), [{ json: {}, binary: { data: binary } }], { n8nUrl: down });
		expect(error?.message).toBe(`Wonotify could not download the file from ${down}/rest/binary-data/signed`);
		expect(error?.description).toContain(`Wonotify was given the file at ${down}/rest/binary-data/signed (n8n's signed link) and could not download it`);
		expect(error?.description).toContain("n8n's WEBHOOK_URL environment variable");
		expect(error?.description).toContain('Wonotify said: "Failed to fetch stream from');
		expect(ctx.sim.mediaDownloads.at(-1)).toMatchObject({ ok: false });
		const token = new URL(String((ctx.sim.requestsTo('/send')[0].body as IDataObject).media_url)).searchParams.get('token') ?? '';
		expect(token).not.toBe('');
		expect(deepText(error)).not.toContain(token);
	});

	test('a bare "success" without a message (how the panel reports a failed send) says the file was not sent and why it likely was not', async () => {
		const binary = await n8n.store(FILES.pdf.bytes, 'a.pdf', 'application/pdf');
		ctx.sim.failNext('silentFail', { path: '/send' });
		const { error } = await run(sendFile(), [{ json: {}, binary: { data: binary } }]);
		expect(error?.message).toBe('Wonotify did not send the file');
		expect(error?.description).toContain('most often because it could not download the file');
		expect(error?.description).toContain(`${n8n.url}/rest/binary-data/signed`);
	});

	test('for a Media URL too, a failed download says so and names the URL', async () => {
		const missing = `${n8n.url}/files/missing.pdf`;
		const { error } = await runWonotifyNode({
			parameters: { resource: 'message', operation: 'sendMedia', chatId: '919812345678', instanceId: SEEDED_INSTANCE.id, mediaUrl: missing },
			credentials: credentialsFor(ctx.sim),
		});
		expect(error?.message).toBe(`Wonotify could not download the file from ${missing}`);
		expect(ctx.sim.mediaDownloads.at(-1)).toMatchObject({ ok: false, statusCode: 404 });
	});
});
