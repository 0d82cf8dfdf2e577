import { withAccessToken } from '../../nodes/shared/token-placement';

const TOKEN = 'wt-token';
const BASE = 'https://wonotify.com/api';

describe('withAccessToken: the token goes where the gateway documents it, and nowhere else', () => {
	it('GET: in the query string', () => {
		expect(withAccessToken({ method: 'GET', url: `${BASE}/reboot`, qs: { instance_id: 'X' } }, TOKEN)).toEqual({
			method: 'GET',
			url: `${BASE}/reboot`,
			qs: { instance_id: 'X', access_token: TOKEN },
		});
	});

	it('POST send: in the JSON body only', () => {
		const options = withAccessToken({ method: 'POST', url: `${BASE}/send`, body: { number: '1' } }, TOKEN);
		expect(options.body).toEqual({ number: '1', access_token: TOKEN });
		expect(options.qs).toBeUndefined();
	});

	it('POST send_group: in the JSON body only, although group_id needs the query string', () => {
		const options = withAccessToken(
			{ method: 'POST', url: `${BASE}/send_group`, qs: { group_id: 'G@g.us' }, body: { group_id: 'G@g.us' } },
			TOKEN,
		);
		expect(options.qs).toEqual({ group_id: 'G@g.us' });
		expect(options.body).toEqual({ group_id: 'G@g.us', access_token: TOKEN });
	});

	it.each([`${BASE}/send_template`, `${BASE}/send_template/`, `${BASE}/send_template?x=1`])(
		'POST %s: in the query string, as documented (and in the body)',
		(url) => {
			const options = withAccessToken({ method: 'POST', url, qs: { instance_id: 'X' }, body: { number: '1' } }, TOKEN);
			expect(options.qs).toEqual({ instance_id: 'X', access_token: TOKEN });
			expect(options.body).toEqual({ number: '1', access_token: TOKEN });
		},
	);

	it('an endpoint merely starting like send_template is not send_template', () => {
		const options = withAccessToken({ method: 'POST', url: `${BASE}/send_templates`, body: {} }, TOKEN);
		expect(options.qs).toBeUndefined();
	});
});
