// The answer links of Send and Wait for Response, checked the way n8n checks them before the
// node's webhook runs: the HMAC of the link (without its signature) with this n8n's secret,
// through the engine's own signing helpers. n8n 1.x signs host, path and query; 2.x path and
// query: using the engine's helpers keeps this right on both.
// Test code, never shipped: it reads n8n-core's signing secret.
/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import { dirname } from 'node:path';

import { InstanceSettings, WAITING_TOKEN_QUERY_PARAM } from 'n8n-core';

interface SignatureHelpers {
	generateUrlSignature(url: string, secret: string): string;
	prepareUrlForSigning(url: URL): string;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const signing = require('n8n-core/dist/utils/signature-helpers') as SignatureHelpers;

/** The secret this "n8n" signs with, from the service container the engine itself uses. */
function signingSecret(): string {
	const di = require.resolve('@n8n/di', { paths: [dirname(require.resolve('n8n-core'))] });
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { Container } = require(di) as typeof import('@n8n/di');
	return Container.get(InstanceSettings).hmacSignatureSecret;
}

/** Whether n8n would take this link as one it signed. */
export function signedByN8n(link: URL): boolean {
	const signature = link.searchParams.get(WAITING_TOKEN_QUERY_PARAM);
	if (!signature) return false;
	const unsigned = new URL(link);
	unsigned.searchParams.delete(WAITING_TOKEN_QUERY_PARAM);
	return signing.generateUrlSignature(signing.prepareUrlForSigning(unsigned), signingSecret()) === signature;
}

/** Every link in a text. */
export const linksIn = (text: string): URL[] => [...text.matchAll(/https?:\/\/\S+/g)].map((match) => new URL(match[0]));

/** The links of a message's "Label: URL" lines, by label. */
export const linksByLabel = (text: string): Record<string, URL> =>
	Object.fromEntries([...text.matchAll(/^(.+): (http\S+)$/gm)].map(([, label, url]) => [label, new URL(url)]));
