// What a running n8n adds around signed file links, with n8n-core's own code: its binary data
// service keeping files on disk (the filesystem mode n8n 2.x uses by default), and the one
// REST route that answers the links without login (n8n's BinaryDataController.getSigned:
// check the token, stream the file with its type and name). The engine's
// createBinarySignedUrl is n8n-core's real helper, signing with the same service.
// Test code, never shipped: it keeps files in a temporary folder and serves them.
/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import express from 'express';
import type { IBinaryData } from 'n8n-workflow';
import { BinaryDataConfig, BinaryDataService } from 'n8n-core';

import { listenLocally } from './local-server';

function container() {
	const di = require.resolve('@n8n/di', { paths: [dirname(require.resolve('n8n-core'))] });
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	return (require(di) as typeof import('@n8n/di')).Container;
}

interface BinaryHelpers {
	prepareBinaryData(binaryData: Buffer, executionId: string, workflowId: string, filePath?: string, mimeType?: string): Promise<IBinaryData>;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const helpers = require('n8n-core/dist/execution-engine/node-execution-context/utils/binary-helper-functions') as BinaryHelpers;

export interface FileLinkHost {
	/** n8n's address: the node's links point here. */
	url: string;
	/** Files in n8n's storage, as an earlier node of the run would have stored them. */
	store(bytes: Buffer, fileName: string, mimeType: string): Promise<IBinaryData>;
	/** Runs `body` with n8n keeping files in memory (n8n 1.x's default): no file gets a storage ID. */
	inMemoryMode<T>(body: () => Promise<T>): Promise<T>;
	/** Signed-link requests answered so far. */
	requests: number;
}

/** Filesystem binary storage and a host for its signed links, for the tests of one file. */
export function useFileLinkHost(): FileLinkHost {
	let folder = '';
	let server: Awaited<ReturnType<typeof listenLocally>> | undefined;
	const host: FileLinkHost = {
		url: '',
		requests: 0,
		store: async (bytes, fileName, mimeType) => await helpers.prepareBinaryData(bytes, 'execution-1', 'test-workflow', fileName, mimeType),
		async inMemoryMode(body) {
			const service = container().get(BinaryDataService) as unknown as { mode: string };
			const mode = service.mode;
			service.mode = 'default';
			try {
				return await body();
			} finally {
				service.mode = mode;
			}
		},
	};
	beforeAll(async () => {
		folder = mkdtempSync(join(tmpdir(), 'wonotify-binary-'));
		const config = container().get(BinaryDataConfig) as unknown as { mode: string; localStoragePath: string; availableModes: string[] };
		Object.assign(config, { mode: 'filesystem', localStoragePath: folder, availableModes: ['filesystem'] });
		const service = container().get(BinaryDataService);
		await service.init();
		const app = express();
		app.get('/rest/binary-data/signed', async (req, res) => {
			host.requests += 1;
			let id: string;
			try {
				id = service.validateSignedToken(String(req.query.token ?? ''));
			} catch (error) {
				res.status(400).end((error as Error).message);
				return;
			}
			const { fileName, mimeType, fileSize } = await service.getMetadata(id);
			res.setHeader('Content-Length', fileSize);
			if (mimeType) res.setHeader('Content-Type', mimeType);
			res.setHeader('Content-Disposition', fileName ? `attachment; filename="${encodeURIComponent(fileName)}"` : 'attachment');
			(await service.getAsStream(id)).pipe(res);
		});
		server = await listenLocally(app);
		host.url = server.url;
	});
	afterAll(async () => {
		await server?.close();
		rmSync(folder, { recursive: true, force: true });
	});
	return host;
}
