'use strict';
// Benchmark control (scripts/bench/ingestion.mjs): a community trigger that does nothing but
// hand the request body to the workflow. n8n treats it exactly like the Wonotify Trigger
// (same webhook description, same credential, not n8n's own Webhook node), so the Wonotify
// Trigger / Probe ratio is what our trigger's own work costs, and Probe / Webhook node what
// n8n charges every community trigger. Plain JavaScript, so the benchmark needs no second build.
Object.defineProperty(exports, '__esModule', { value: true });
exports.ProbeTrigger = void 0;

class ProbeTrigger {
	constructor() {
		this.description = {
			displayName: 'Bench Probe Trigger',
			name: 'probeTrigger',
			group: ['trigger'],
			version: 1,
			description: 'Starts the workflow with the body of each POST',
			defaults: { name: 'Bench Probe Trigger' },
			inputs: [],
			outputs: ['main'],
			// Never read: n8n's own work for a node with a credential (its checks when an
			// execution starts) is part of what every real trigger costs.
			credentials: [{ name: 'wonotifyApi', required: true }],
			webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }],
			properties: [],
		};
	}

	async webhook() {
		return { workflowData: [[{ json: this.getBodyData() }]] };
	}
}
exports.ProbeTrigger = ProbeTrigger;
