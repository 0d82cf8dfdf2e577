// A small OpenAI-compatible model server on 127.0.0.1, scripted and deterministic, so that the
// AI assistant example runs without an account or a key (npm start) and its tests can read
// exactly what n8n's AI nodes sent: chat completions (with tool calls), audio transcriptions,
// the model list. n8n's OpenAI credential points at it through its Base URL, the way users
// point n8n at any OpenAI-compatible server.
//
// The script, read from the request alone:
// - a conversation whose last message is a tool result → "I have sent you our menu…" when
//   the result holds a sent message's ID, else the result quoted;
// - a user message asking for the "menu" when a tool is offered → a call of the first tool,
//   every string argument filled (in nested objects too): the chat ID (from the system
//   prompt's "chat ID is …") for arguments about the recipient, the menu text for the others;
// - an image in the user message → "I see your photo (N bytes)";
// - anything else → "You said: <text>. Earlier messages I remember: <n>." (n counts the
//   user messages before it: what memory kept).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

export const MENU = 'Our menu: 1. Margherita 9 € 2. Funghi 11 € 3. Tiramisu 5 €';

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

/** What the simulator's sample voice note says (it was spoken by espeak-ng from this text). */
export const VOICE_NOTE_TEXT = 'Hello, do you deliver on Sundays? I would like two large pizzas.';
const KNOWN_RECORDINGS = new Map([[sha256(readFileSync(new URL('./simulator/samples/voice-note.ogg', import.meta.url))), VOICE_NOTE_TEXT]]);

function textOf(content) {
	if (typeof content === 'string') return content;
	if (!Array.isArray(content)) return '';
	return content.filter((part) => part.type === 'text').map((part) => part.text).join('\n');
}

function imagesOf(content) {
	if (!Array.isArray(content)) return [];
	return content.filter((part) => part.type === 'image_url').map((part) => String(part.image_url?.url ?? part.image_url ?? ''));
}

/** The scripted answer to one chat completion request: { content } or { toolCall }. */
export function scriptedReply(body) {
	const messages = Array.isArray(body.messages) ? body.messages : [];
	const last = messages.at(-1) ?? {};
	if (last.role === 'tool') {
		const result = textOf(last.content);
		return { content: /messageId/.test(result) ? 'I have sent you our menu in a separate message.' : `The tool answered: ${result.slice(0, 200)}` };
	}
	const userMessages = messages.filter((message) => message.role === 'user');
	const question = textOf(last.content);
	const tools = Array.isArray(body.tools) ? body.tools : [];
	if (/menu/i.test(question) && tools.length > 0) {
		const { name, parameters } = tools[0].function;
		const chatId = /chat ID is (\S+?)[.,]?(\s|$)/i.exec(messages.map((message) => textOf(message.content)).join('\n'))?.[1] ?? '';
		// Nested objects too: n8n's Human review tools wrap the tool's own arguments in toolParameters.
		const fill = (schema) =>
			Object.fromEntries(
				Object.entries(schema?.properties ?? {})
					.filter(([, property]) => ['string', 'object', undefined].includes(property.type))
					.map(([key, property]) => [key, property.type === 'object' ? fill(property) : /chat|recipient|number|phone|to$/i.test(key) ? chatId : MENU]),
			);
		return { toolCall: { name, arguments: JSON.stringify(fill(parameters)) } };
	}
	const images = imagesOf(last.content);
	if (images.length > 0) {
		const bytes = images.map((url) => Buffer.from(url.replace(/^data:[^,]*,/, ''), 'base64').length).reduce((a, b) => a + b, 0);
		return { content: `I see your photo (${bytes} bytes).` };
	}
	return { content: `You said: ${question}. Earlier messages I remember: ${userMessages.length - 1}.` };
}

function completion(model, reply) {
	const message = reply.toolCall
		? { role: 'assistant', content: null, tool_calls: [{ id: `call_${Date.now()}`, type: 'function', function: reply.toolCall }] }
		: { role: 'assistant', content: reply.content };
	return {
		id: `chatcmpl-${Date.now()}`,
		object: 'chat.completion',
		created: Math.floor(Date.now() / 1000),
		model,
		choices: [{ index: 0, message, logprobs: null, finish_reason: reply.toolCall ? 'tool_calls' : 'stop' }],
		usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
	};
}

/** Server-sent events of the same completion, for clients that ask for a stream. */
function streamed(res, model, reply) {
	res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
	const chunk = (delta, finish = null) =>
		res.write(`data: ${JSON.stringify({ id: 'chatcmpl-stream', object: 'chat.completion.chunk', created: Math.floor(Date.now() / 1000), model, choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`);
	if (reply.toolCall) {
		chunk({ role: 'assistant', content: null, tool_calls: [{ index: 0, id: 'call_stream', type: 'function', function: reply.toolCall }] });
		chunk({}, 'tool_calls');
	} else {
		chunk({ role: 'assistant', content: reply.content });
		chunk({}, 'stop');
	}
	res.end('data: [DONE]\n\n');
}

/** The file part of a multipart/form-data body. */
function multipartFile(body, contentType) {
	const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType ?? '');
	if (!boundary) return undefined;
	const marker = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
	let start = body.indexOf(marker);
	while (start !== -1) {
		const next = body.indexOf(marker, start + marker.length);
		if (next === -1) break;
		const part = body.subarray(start + marker.length, next);
		const headerEnd = part.indexOf('\r\n\r\n');
		const headers = part.subarray(0, headerEnd).toString('utf8');
		if (/filename=/i.test(headers)) return part.subarray(headerEnd + 4, part.length - 2);
		start = next;
	}
	return undefined;
}

/**
 * @returns {Promise<{ url: string, baseUrl: string, requests: object[], failNext(kind: 'error' | 'hang', count?: number): void, close(): Promise<void> }>}
 */
export async function startModelServer({ port = 0 } = {}) {
	const requests = [];
	let failure;
	let failuresLeft = 0;
	const hanging = new Set();
	const server = createServer(async (req, res) => {
		const chunks = [];
		for await (const chunk of req) chunks.push(chunk);
		const raw = Buffer.concat(chunks);
		const path = new URL(req.url, 'http://localhost').pathname.replace(/^\/v1/, '');
		const json = (status, value) => {
			res.writeHead(status, { 'content-type': 'application/json' });
			res.end(JSON.stringify(value));
		};
		if (req.method === 'GET' && path === '/models') return json(200, { object: 'list', data: [{ id: 'gpt-4o-mini', object: 'model', owned_by: 'local' }] });
		if (failuresLeft > 0 && req.method === 'POST') {
			const kind = failure;
			failuresLeft -= 1;
			requests.push({ path, failed: kind });
			if (kind === 'hang') return void hanging.add(res);
			return json(500, { error: { message: 'The model server is overloaded (scripted failure)', type: 'server_error' } });
		}
		if (req.method === 'POST' && path === '/chat/completions') {
			const body = JSON.parse(raw.toString('utf8') || '{}');
			const reply = scriptedReply(body);
			requests.push({ path, body, reply });
			if (body.stream) return streamed(res, body.model, reply);
			return json(200, completion(body.model, reply));
		}
		if (req.method === 'POST' && path === '/audio/transcriptions') {
			const file = multipartFile(raw, req.headers['content-type']) ?? Buffer.alloc(0);
			const text = KNOWN_RECORDINGS.get(sha256(file)) ?? `A recording of ${file.length} bytes`;
			requests.push({ path, fileSha256: sha256(file), bytes: file.length, text });
			return json(200, { text });
		}
		return json(404, { error: { message: `No route ${req.method} ${path}` } });
	});
	await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
	const url = `http://127.0.0.1:${server.address().port}`;
	return {
		url,
		/** What the OpenAI credential's Base URL is set to. */
		baseUrl: `${url}/v1`,
		/** Every request, oldest first: chat completions with their body and scripted reply, transcriptions with the file's hash. */
		requests,
		/** The next `count` requests fail: 'error' answers HTTP 500, 'hang' never answers. */
		failNext(kind, count = 1) {
			failure = kind;
			failuresLeft = count;
		},
		async close() {
			for (const res of hanging) res.destroy();
			server.closeAllConnections();
			await new Promise((resolve) => server.close(resolve));
		},
	};
}
