// Incoming media in a real n8n: the media example (Wonotify Trigger with Download Media on)
// active, a photo and a voice note sent by the simulator encrypted as WhatsApp does it, and
// the file n8n stored (read back through n8n's own binary-data endpoint) compared byte for
// byte with the original; then the same through the Download Media operation.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { executionError, nodeOutput } from '../../scripts/lib/n8n-rest.mjs';
import { downloadLaterWorkflow, mediaExample, mediaExecutions, storedFile } from './media-flows.mjs';
import { ACCESS_TOKEN } from './e2e-stack.mjs';

/** smoke: only the Download Media operation (the n8n 1.x smoke run). */
export function mediaSuite(getStack, { smoke = false } = {}) {
	const more = smoke ? () => {} : it;
	describe('incoming media in a real n8n', () => {
		more('the media example stores a photo and a voice note byte for byte, and confirms them on WhatsApp', async () => {
			for (const { kind, plain, execution } of await mediaExecutions(getStack(), mediaExample(), ['image', 'voice'])) {
				assert.equal(execution.status, 'success', executionError(execution));
				const { binary, bytes } = await storedFile(getStack(), execution, 'Wonotify Trigger');
				assert.ok(bytes.equals(plain), `${kind}: the stored file differs from the original`);
				assert.equal(binary.mimeType, kind === 'image' ? 'image/jpeg' : 'audio/ogg');
				assert.match(binary.fileName, kind === 'image' ? /^image-3A\w+\.jpg$/ : /^voice-3A\w+\.ogg$/);
				const [reply] = nodeOutput(execution, 'Confirm the File');
				assert.equal(reply.chatId, '919812345678@s.whatsapp.net');
				const confirmation = `Thanks Ravi, I got your ${kind}: ${binary.fileName} (`;
				assert.ok(getStack().sim.requestsTo('/send').some((request) => request.body.message.startsWith(confirmation)), confirmation);
			}
		});
	
		it('the Download Media operation does the same for a trigger item without the file', async () => {
			for (const { kind, plain, execution } of await mediaExecutions(getStack(), downloadLaterWorkflow(), ['voice', 'image'])) {
				assert.equal(execution.status, 'success', executionError(execution));
				assert.equal(execution.data.resultData.runData['Wonotify Trigger'][0].data.main[0][0].binary, undefined);
				const { bytes } = await storedFile(getStack(), execution, 'Download Media');
				assert.ok(bytes.equals(plain), `${kind}: the downloaded file differs from the original`);
				assert.equal(nodeOutput(execution, 'Download Media')[0].type, kind);
			}
		});
	
		it('the access token stays out of n8n’s log', () => {
			assert.ok(!getStack().allLogs().includes(ACCESS_TOKEN));
		});
	});
}
