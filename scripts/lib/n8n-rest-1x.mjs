// What the REST API of n8n 1.x (1.123) does differently from 2.41's, for the 1.x smoke tests.
// Read in n8n 1.123.81's code (workflows.controller / workflow.service): the same endpoints,
// but a new workflow must say it is inactive (the column has no default there), activation is
// synchronous (the triggers are set up, or the call fails and n8n rolls the activation back,
// before it answers) and there is no publication status to poll.
import { N8nClient } from './n8n-rest.mjs';

export class N8n1Client extends N8nClient {
	newWorkflowBody(workflow) {
		return { ...super.newWorkflowBody(workflow), active: false };
	}

	/** Nothing to wait for: activate and deactivate answer once the triggers are set up or removed. */
	async waitForPublication() {
		return undefined;
	}
}

/** The client for an n8n release (scripts/lib/n8n-install.mjs). */
export function clientFor(release, url) {
	return release.version.startsWith('1.') ? new N8n1Client(url) : new N8nClient(url);
}
