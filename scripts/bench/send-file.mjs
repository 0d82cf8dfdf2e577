// Benchmark: memory while Send Media sends a 50 MB binary file (File Source "Binary File").
// Run: node scripts/bench/send-file.mjs [megabytes] [rounds]. Not part of npm test.
// Method: one real n8n; a Webhook takes the file as a raw upload (n8n stores it) and then
// either does nothing (baseline) or passes it to the Wonotify node, whose signed link the
// simulator (in this process, not n8n's) downloads in full. Memory: the growth of the n8n
// process's peak resident set (VmHWM, reset through /proc/<pid>/clear_refs before each run)
// over its resident set before the run, alternated round by round; the send's own cost is the
// difference between the two medians.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { startBenchStack } from './bench-stack.mjs';
import { createCleanup } from './cleanup.mjs';
import { chain, createActive, waitForWebhook, webhookNode } from './workflows.mjs';
import { fmt, list, median } from './stats.mjs';

const MB = 1_000_000;
const megabytes = Number(process.argv[2] ?? 50);
const rounds = Number(process.argv[3] ?? 5);

function memoryOf(pid) {
	const kib = (field) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) * 1024;
	return { resetPeak: () => writeFileSync(`/proc/${pid}/clear_refs`, '5'), rss: () => kib('VmRSS'), peak: () => kib('VmHWM') };
}

async function variant(stack, name, tail) {
	const path = `bench-file-${randomUUID()}`;
	const id = await createActive(stack.client, chain(name, [webhookNode('Webhook', { path, responseMode: 'lastNode', responseData: 'allEntries' }), ...tail]));
	const url = `${stack.n8n.url}/webhook/${path}`;
	await waitForWebhook(url, (status) => status !== 404, { body: '{"warmup":true}' });
	return async (file) => {
		const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: file, signal: AbortSignal.timeout(300_000) });
		const answer = await response.text();
		if (response.status !== 200) throw new Error(`${name}: HTTP ${response.status} ${answer.slice(0, 300)}`);
		return answer;
	};
}

const cleanup = createCleanup();
try {
	const stack = await startBenchStack(cleanup, { logFile: join(process.cwd(), 'test-results', 'bench-send-file.log') });
	const credential = { wonotifyApi: { id: stack.credential.id, name: stack.credential.name } };
	const noOp = { id: randomUUID(), name: 'Nothing', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [260, 0], parameters: {} };
	const send = {
		id: randomUUID(), name: 'Send', type: 'n8n-nodes-wonotify.wonotify', typeVersion: 1, position: [260, 0], credentials: credential,
		parameters: { resource: 'message', operation: 'sendMedia', chatId: '919812345678', instanceId: stack.instanceId, fileSource: 'binary', binaryPropertyName: 'data', fileName: 'big.bin', options: { timeoutSeconds: 300 } },
	};
	const runs = { baseline: await variant(stack, 'bench upload only', [noOp]), send: await variant(stack, 'bench upload and send', [send]) };
	const file = randomBytes(megabytes * MB);
	const sha256 = createHash('sha256').update(file).digest('hex');
	const memory = memoryOf(stack.n8n.pid);
	const growth = { baseline: [], send: [] };
	for (let round = 0; round <= rounds; round++) {
		for (const name of round % 2 ? ['send', 'baseline'] : ['baseline', 'send']) {
			memory.resetPeak();
			const before = memory.rss();
			await runs[name](file);
			const grown = (memory.peak() - before) / MB;
			if (name === 'send') {
				const download = stack.sim.mediaDownloads.at(-1);
				if (download?.sha256 !== sha256) throw new Error(`the gateway did not get the file: ${JSON.stringify(download)}`);
			}
			if (round > 0) growth[name].push(grown); // round 0 warms up
			console.log(`round ${round} ${name}: peak RSS +${fmt(grown, 1)} MB`);
		}
	}
	const [base, sent] = [median(growth.baseline), median(growth.send)];
	console.log(`\n${megabytes} MB file, ${rounds} rounds: peak RSS growth, median: upload only ${fmt(base, 1)} MB (${list(growth.baseline)}), upload and send ${fmt(sent, 1)} MB (${list(growth.send)}); the send's own: ${fmt(sent - base, 1)} MB`);
} finally {
	await cleanup.runAll();
}
