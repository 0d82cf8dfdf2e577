// The pages the person who answers sees on their phone: plain, small, readable on a phone,
// and always saying what happened.
import type { FormField } from './custom-form';

function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function page(title: string, body: string): string {
	return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;background:#f0f2f5;color:#111b21}
main{max-width:32rem;margin:2rem auto;padding:1.5rem;background:#fff;border-radius:12px;box-shadow:0 1px 3px rgba(0,0,0,.12)}
h1{font-size:1.25rem;margin:0 0 1rem}p{line-height:1.5;white-space:pre-wrap}
label{display:block;font-weight:600;margin:1rem 0 .25rem}
input,select,textarea{width:100%;box-sizing:border-box;font:inherit;padding:.6rem;border:1px solid #c8cdd0;border-radius:8px}
textarea{min-height:8rem}button{margin-top:1.25rem;width:100%;padding:.8rem;font:inherit;font-weight:600;color:#fff;background:#008069;border:0;border-radius:8px}
</style></head><body><main>${body}</main></body></html>`;
}

/** After an answer was taken. */
export function answerRecordedPage(answer: string): string {
	return page('Answer recorded', `<h1>Thank you</h1><p>Your answer was recorded: <strong>${escapeHtml(answer)}</strong>.</p><p>You can close this page.</p>`);
}

/** A link preview robot (WhatsApp builds previews of links in messages): nothing is recorded. */
export function previewPage(): string {
	return page('Answer link', '<h1>Answer link</h1><p>Open this link on your phone to answer.</p>');
}

/** The Free Text page: the question and a text box. It posts back to its own address (the signed link). */
export function freeTextPage(title: string, question: string): string {
	return page(
		title,
		`<h1>${escapeHtml(title)}</h1><p>${escapeHtml(question)}</p>
<form method="post"><label for="text">Your answer</label><textarea id="text" name="text" required></textarea><button type="submit">Send</button></form>`,
	);
}

export function formPage(title: string, question: string, fields: FormField[]): string {
	const inputs = fields
		.map((field, index) => {
			const name = `field-${index}`;
			const required = field.required ? ' required' : '';
			const label = `<label for="${name}">${escapeHtml(field.label)}${field.required ? ' *' : ''}</label>`;
			if (field.type === 'textarea') return `${label}<textarea id="${name}" name="${name}"${required}></textarea>`;
			if (field.type === 'dropdown') {
				const options = field.choices.map((choice) => `<option>${escapeHtml(choice)}</option>`).join('');
				return `${label}<select id="${name}" name="${name}"${required}><option value=""></option>${options}</select>`;
			}
			return `${label}<input id="${name}" name="${name}" type="${field.type}"${required}>`;
		})
		.join('\n');
	// n8n takes a Custom Form's answer only as multipart/form-data.
	return page(
		title,
		`<h1>${escapeHtml(title)}</h1><p>${escapeHtml(question)}</p>\n<form method="post" enctype="multipart/form-data">${inputs}<button type="submit">Send</button></form>`,
	);
}
