// An express app listening on a free port of 127.0.0.1, for the hosts that play n8n's
// webhook endpoints (trigger-engine.ts, waiting-webhook-host.ts).
/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { Express } from 'express';

export async function listenLocally(app: Express): Promise<{ url: string; close(): Promise<void> }> {
	const server: Server = await new Promise((resolve) => {
		const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
	});
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		async close() {
			server.closeAllConnections();
			await new Promise((resolve) => server.close(resolve));
		},
	};
}
