// The load balancer n8n's queue-mode docs put in front of n8n: webhook calls (/webhook…,
// /form…) go to the webhook processor, everything else (the REST API, signed file links) to
// the main process. WEBHOOK_URL points here, as it would at a real deployment's public address.
import http from 'node:http';

const TO_WEBHOOK_PROCESSOR = /^\/(webhook|webhook-waiting|webhook-test|form|form-waiting|form-test)(\/|\?|$)/;

/** Listens on 127.0.0.1:`port` and forwards each request to one of the two origins. */
export async function startLoadBalancer({ port, main, webhooks }) {
	const server = http.createServer((req, res) => {
		const target = new URL(req.url, TO_WEBHOOK_PROCESSOR.test(req.url) ? webhooks : main);
		const forward = http.request(target, { method: req.method, headers: { ...req.headers, host: target.host } }, (answer) => {
			res.writeHead(answer.statusCode ?? 502, answer.headers);
			answer.pipe(res);
		});
		forward.on('error', () => {
			if (!res.headersSent) res.writeHead(502);
			res.end();
		});
		req.pipe(forward);
	});
	await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${port}/`,
		async stop() {
			server.closeAllConnections();
			await new Promise((resolve) => server.close(resolve));
		},
	};
}
