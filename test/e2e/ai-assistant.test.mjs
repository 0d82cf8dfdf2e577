// The AI assistant example in a real n8n, with n8n's own AI Agent, OpenAI Chat Model, Simple
// Memory and OpenAI (transcription) nodes, talking to a scripted OpenAI-compatible server on
// 127.0.0.1 (scripts/lib/model-server.mjs) through the OpenAI credential's Base URL: answers
// reach the right chat, the model's tool call reaches the Wonotify tool with its $fromAI()
// arguments, memory is kept per chat, a voice note reaches transcription byte for byte and a
// photo reaches the model, and a failing model gets the customer an apology, not garbage.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { MENU, startModelServer, VOICE_NOTE_TEXT } from '../../scripts/lib/model-server.mjs';
import { executionError, nodeOutput } from '../../scripts/lib/n8n-rest.mjs';
import { packageRoot, withCredentialOfType, withSimulatorMediaHost, withWonotifyCredential } from '../../scripts/lib/n8n-server.mjs';
import { INSTANCE, startStack, waitUntil } from './e2e-stack.mjs';

let stack;
let model;
let workflowId;
const CHAT_A = '919812345678';
const CHAT_B = '447700900123';
const APOLOGY = 'Sorry, I cannot answer right now. A person from our team will get back to you soon.';

before(async () => {
	stack = await startStack();
	model = await startModelServer();
	const openAi = await stack.client.createCredential({
		name: 'OpenAI (local model server)',
		type: 'openAiApi',
		data: { apiKey: 'local-model-server-key', url: model.baseUrl },
	});
	const example = JSON.parse(readFileSync(join(packageRoot, 'examples', 'ai-assistant.json'), 'utf8'));
	// The example waits 60 s for the model; the time-out test should not.
	const chatModel = example.nodes.find((node) => node.name === 'OpenAI Chat Model');
	chatModel.parameters.options = { ...chatModel.parameters.options, timeout: 3000 };
	example.nodes = example.nodes.map((node) =>
		node.type.startsWith('n8n-nodes-wonotify.') && node.type.endsWith('Trigger') ? { ...node, parameters: { ...node.parameters, instanceId: INSTANCE } } : node,
	);
	const workflow = withCredentialOfType(withSimulatorMediaHost(withWonotifyCredential(example, stack.credential), stack.sim.url), 'openAiApi', openAi);
	// The nodes that send use the credential's instance.
	await stack.client.updateCredential(stack.credential.id, {
		name: stack.credential.name,
		type: 'wonotifyApi',
		data: { accessToken: stack.token, baseUrl: stack.sim.baseUrl, instanceId: INSTANCE },
	});
	workflowId = (await stack.client.createWorkflow(workflow)).id;
	await stack.client.activate(workflowId);
});
after(async () => {
	await stack?.stop();
	await model?.close();
});

/** Sends an incoming message (text or media) and returns the finished execution it started. */
async function converse(send) {
	const { client } = stack;
	const before = (await client.executions({ workflowId })).length;
	await waitUntil(async () => {
		const answer = await send();
		return answer?.status === 404 ? undefined : answer;
	}, { what: 'the trigger to take the event' });
	const done = await client.waitForExecutions(workflowId, { count: before + 1, timeoutMs: 60_000 });
	const newest = done.reduce((a, b) => (Number(a.id) > Number(b.id) ? a : b));
	return await client.execution(newest.id);
}
const text = (from, message) => converse(() => stack.sim.emitIncomingText(INSTANCE, { from, text: message, pushName: 'Ravi' }));
const lastSendTo = (number) => stack.sim.requestsTo('/send').filter((request) => request.body.number === number).at(-1)?.body.message;
const chatRequests = () => model.requests.filter((request) => request.path === '/chat/completions' && request.body);

describe('the AI assistant example in a real n8n', () => {
	it("answers a text message in the sender's chat", async () => {
		const execution = await text(CHAT_A, 'Do you deliver?');
		assert.equal(execution.status, 'success', executionError(execution));
		assert.equal(lastSendTo(CHAT_A), 'You said: Do you deliver?. Earlier messages I remember: 0.');
	});

	it("keeps a memory per chat: A's second message comes with A's first exchange, B's without it", async () => {
		await text(CHAT_B, 'Hello from B');
		assert.equal(lastSendTo(CHAT_B), 'You said: Hello from B. Earlier messages I remember: 0.');
		await text(CHAT_A, 'And on Sundays?');
		assert.equal(lastSendTo(CHAT_A), 'You said: And on Sundays?. Earlier messages I remember: 1.');
		const prompt = JSON.stringify(chatRequests().at(-1).body.messages);
		assert.match(prompt, /Do you deliver\?/);
		assert.doesNotMatch(prompt, /Hello from B/);
	});

	it('the model calls the Wonotify tool: our node sends exactly its arguments and the model gets our output', async () => {
		const execution = await text(CHAT_A, 'Please send me the menu');
		assert.equal(execution.status, 'success', executionError(execution));
		const call = chatRequests().find((request) => request.reply.toolCall && JSON.stringify(request.body.messages).includes('Please send me the menu'));
		assert.ok(call, 'the model was asked and called a tool');
		const args = JSON.parse(call.reply.toolCall.arguments);
		assert.equal(args.chatId, `${CHAT_A}@s.whatsapp.net`);
		const menuSend = stack.sim.requestsTo('/send').find((request) => request.body.message === MENU);
		assert.equal(menuSend.body.number, CHAT_A);
		const toolResult = chatRequests().find((request) => request.body.messages.at(-1).role === 'tool');
		assert.match(JSON.stringify(toolResult.body.messages.at(-1).content), /messageId/);
		assert.equal(lastSendTo(CHAT_A), 'I have sent you our menu in a separate message.');
	});

	it('a voice note reaches transcription byte for byte, and the agent answers its text', async () => {
		const original = readFileSync(join(packageRoot, 'scripts/lib/simulator/samples/voice-note.ogg'));
		const execution = await converse(() => stack.sim.emitIncomingMedia(INSTANCE, { from: CHAT_A, kind: 'voice' }));
		assert.equal(execution.status, 'success', executionError(execution));
		const transcription = model.requests.filter((request) => request.path === '/audio/transcriptions').at(-1);
		assert.equal(transcription.fileSha256, createHash('sha256').update(original).digest('hex'));
		assert.equal(nodeOutput(execution, 'Use the Transcript')[0].text, VOICE_NOTE_TEXT);
		assert.match(lastSendTo(CHAT_A), new RegExp(`^You said: ${VOICE_NOTE_TEXT.replace(/[?.]/g, '\\$&')}`));
	});

	it('a photo reaches the model in its request', async () => {
		const execution = await converse(() => stack.sim.emitIncomingMedia(INSTANCE, { from: CHAT_B, kind: 'image', caption: 'Is this my order?' }));
		assert.equal(execution.status, 'success', executionError(execution));
		const photo = readFileSync(join(packageRoot, 'scripts/lib/simulator/samples/photo.jpg'));
		assert.equal(lastSendTo(CHAT_B), `I see your photo (${photo.length} bytes).`);
	});

	it('two messages in one webhook call get one answer each, in their own chat', async () => {
		const message = (from, id, said) => ({
			key: { remoteJid: `${from}@s.whatsapp.net`, fromMe: false, id },
			messageTimestamp: Math.floor(Date.now() / 1000),
			pushName: 'Two at once',
			message: { conversation: said },
		});
		const execution = await converse(() =>
			stack.sim.emitEvent(INSTANCE, 'messages.upsert', { type: 'notify', messages: [message(CHAT_A, '3AMULTI01', 'First of two'), message(CHAT_B, '3AMULTI02', 'Second of two')] }),
		);
		assert.equal(execution.status, 'success', executionError(execution));
		assert.match(lastSendTo(CHAT_A), /^You said: First of two\./);
		assert.match(lastSendTo(CHAT_B), /^You said: Second of two\./);
	});

	// n8n 2.41 tries the model once whatever the chat model's Max Retries says: its failed-attempt
	// handler reads `retriesLeft` from the error, where LangChain's retry no longer puts it.
	it('a model that does not answer in time gets the customer an apology (after one attempt)', async () => {
		const seen = model.requests.length;
		model.failNext('hang');
		const execution = await text(CHAT_A, 'Hello?');
		assert.equal(execution.status, 'success', executionError(execution));
		assert.equal(lastSendTo(CHAT_A), APOLOGY);
		assert.deepEqual(model.requests.slice(seen).map((request) => request.failed), ['hang']);
	});

	it('a failing model gets the customer an apology, not an error text (after one attempt)', async () => {
		const seen = model.requests.length;
		model.failNext('error');
		const execution = await text(CHAT_B, 'Are you open?');
		assert.equal(execution.status, 'success', executionError(execution));
		assert.equal(lastSendTo(CHAT_B), APOLOGY);
		assert.deepEqual(model.requests.slice(seen).map((request) => request.failed), ['error']);
	});

	it('a voice note the transcription fails on gets the apology, and no guess reaches the chat model', async () => {
		const seen = model.requests.length;
		model.failNext('error');
		const execution = await converse(() => stack.sim.emitIncomingMedia(INSTANCE, { from: CHAT_A, kind: 'voice', pushName: 'Ravi' }));
		assert.equal(execution.status, 'success', executionError(execution));
		assert.equal(lastSendTo(CHAT_A), APOLOGY);
		assert.deepEqual(model.requests.slice(seen).map((request) => [request.path, request.failed]), [['/audio/transcriptions', 'error']]);
	});

	it("Human review: the agent's tool call waits for an approval on WhatsApp, then runs", async () => {
		const review = await startHumanReview({});
		const approve = /Approve: (http\S+)/.exec(review.question.message)[1];
		assert.equal((await fetch(approve)).status, 200);
		await review.assertApprovedAndRun();
	});

	it('Human review with Buttons in the Chat: the Approve tap reaches the waiting agent through the trigger', async () => {
		const assistantRuns = (await stack.client.executions({ workflowId })).length;
		const review = await startHumanReview({ answerIn: 'chat' });
		assert.deepEqual(review.question.buttons, ['Approve', 'Disapprove']);
		const delivered = await stack.sim.emitButtonTap(INSTANCE, { from: OWNER_CHAT, button: 'Approve' });
		assert.equal(delivered.status, 200);
		await review.assertApprovedAndRun();
		// The tap answered the review; it did not start the assistant (which would answer "Approve").
		assert.equal((await stack.client.executions({ workflowId })).length, assistantRuns);
	});
});

const OWNER_CHAT = '447700900999';

/** An agent whose Wonotify tool sits behind our Human review tool, started and waiting for the owner. */
async function startHumanReview(reviewParameters) {
	const { client, sim } = stack;
	const path = `hitl-${Date.now()}`;
	const node = (name, type, typeVersion, parameters, extra = {}) => ({ id: `${name}-${path}`, name, type, typeVersion, position: [0, 0], parameters, ...extra });
	const wonotify = { wonotifyApi: { id: stack.credential.id, name: stack.credential.name } };
	const openAi = (await client.listCredentials()).find((c) => c.type === 'openAiApi');
	const workflow = {
		name: 'e2e human review',
		nodes: [
			node('Webhook', 'n8n-nodes-base.webhook', 2, { httpMethod: 'POST', path, responseMode: 'onReceived', options: {} }, { webhookId: `wh-${path}` }),
			node('Agent', '@n8n/n8n-nodes-langchain.agent', 3.1, {
				promptType: 'define',
				text: '={{ $json.body.text }}',
				options: { systemMessage: `The customer's chat ID is ${CHAT_A}@s.whatsapp.net.` },
			}),
			node('Model', '@n8n/n8n-nodes-langchain.lmChatOpenAi', 1.3, { model: { __rl: true, mode: 'id', value: 'gpt-4o-mini' }, responsesApiEnabled: false, options: {} }, {
				credentials: { openAiApi: { id: openAi.id, name: openAi.name } },
			}),
			node(
				'Ask the Owner',
				'n8n-nodes-wonotify.wonotifyHitlTool',
				1,
				{
					chatId: OWNER_CHAT,
					// n8n's default message shows $tool.parameters as [object Object]: JSON.stringify it.
					message: '=The assistant wants to run {{ $tool.name }} with {{ JSON.stringify($tool.parameters) }}',
					approvalOptions: { values: { approvalType: 'double' } },
					...reviewParameters,
				},
				{ credentials: wonotify },
			),
			node('Send on WhatsApp', 'n8n-nodes-wonotify.wonotifyTool', 1, {
				descriptionType: 'manual',
				toolDescription: 'Sends a WhatsApp text message to a chat',
				resource: 'message',
				operation: 'sendText',
				chatId: "={{ $fromAI('chatId', 'The chat ID', 'string') }}",
				message: "={{ $fromAI('message', 'The text', 'string') }}",
				options: {},
			}, { credentials: wonotify }),
		],
		connections: {
			Webhook: { main: [[{ node: 'Agent', type: 'main', index: 0 }]] },
			Model: { ai_languageModel: [[{ node: 'Agent', type: 'ai_languageModel', index: 0 }]] },
			'Ask the Owner': { ai_tool: [[{ node: 'Agent', type: 'ai_tool', index: 0 }]] },
			'Send on WhatsApp': { ai_tool: [[{ node: 'Ask the Owner', type: 'ai_tool', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
	const menus = () => sim.requestsTo('/send').filter((request) => request.body.message === MENU).length;
	const menusBefore = menus();
	const questionsToOwner = () => [...sim.requestsTo('/send'), ...sim.requestsTo('/send_template')].filter((r) => r.body.number === OWNER_CHAT);
	const questionsBefore = questionsToOwner().length;
	const { id } = await client.createWorkflow(workflow);
	await client.activate(id);
	await waitUntil(async () => (await fetch(`${stack.n8n.url}/webhook/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'Send me the menu' }) })).status !== 404, {
		what: 'the webhook',
	});
	// The question: a text with the links, or (Buttons in the Chat) an interactive message.
	const request = await waitUntil(() => questionsToOwner().slice(questionsBefore)[0], { what: 'the approval request on WhatsApp', timeoutMs: 30_000 });
	const sent = request.body.message;
	const question = {
		message: typeof sent === 'string' ? sent : sent.text,
		buttons: typeof sent === 'string' ? [] : sent.interactiveButtons.map((button) => JSON.parse(button.buttonParamsJson).display_text),
	};
	assert.match(question.message, /Send_on_WhatsApp/);
	assert.match(question.message, new RegExp(`${CHAT_A}@s\\.whatsapp\\.net`), 'the owner sees what the agent wants to send, and to whom');
	assert.equal(menus(), menusBefore, 'the tool waits for the approval');
	const [waiting] = await waitUntil(async () => {
		const list = (await client.executions({ workflowId: id })).filter((e) => e.status === 'waiting');
		return list.length > 0 ? list : undefined;
	}, { what: 'the execution to wait for the approval' });
	return {
		question,
		async assertApprovedAndRun() {
			const done = await waitUntil(async () => {
				const execution = await client.execution(waiting.id);
				return ['success', 'error'].includes(execution.status) ? execution : undefined;
			}, { what: 'the agent to finish', timeoutMs: 30_000 });
			assert.equal(done.status, 'success', executionError(done));
			assert.equal(menus(), menusBefore + 1, 'the approved tool call sent the menu');
			assert.equal(sim.requestsTo('/send').filter((r) => r.body.message === MENU).at(-1).body.number, CHAT_A);
		},
	};
}
