// File downloads: file_url/json_url answer 302 to the storage server on another origin, which serves
// the bytes with their type and name and records every request, so a test can prove the API key never
// reached it. Same-origin and loop modes for the client tests.
import { rawRequest, request, type DataObject } from '..';
import { useSimulator } from './fixture';

const harness = useSimulator({ reportDelayMs: 5 });

/** GET with the API key; expects a 302 and returns its Location. */
async function redirectOf(url: string): Promise<string> {
	const res = await request(url, { auth: harness.auth() });
	expect(res.status).toBe(302);
	expect(res.text).toBe('');
	return res.headers.location;
}

/** Fetches a Location the way a careful client does: no Authorization on another origin. */
const download = (location: string, headers: Record<string, string> = {}) => rawRequest(location, { headers });

const documentOf = (account: string, type: string) =>
	harness.sim.objects('payroll_documents', { account }).find((d) => d.document_type === type)!;

describe('simulator: file downloads', () => {
	it('a payout statement: 302 to another origin, which serves the PDF with its name and saw no Authorization', async () => {
		const account = harness.sim.addAccount();
		const doc = documentOf(account.id, 'payout-statement');
		expect(doc.file_url).toBe(`${harness.sim.baseUrl}/v2/payroll-documents/${doc.id}/file`);
		const location = await redirectOf(String(doc.file_url));
		const target = new URL(location);
		expect(target.origin).toBe(harness.sim.storageOrigin);
		expect(target.origin).not.toBe(new URL(harness.sim.baseUrl).origin);
		expect(target.hostname).not.toBe(new URL(harness.sim.baseUrl).hostname);
		expect(target.searchParams.get('X-Goog-Signature')).toMatch(/^[0-9a-f]{64}$/);

		const file = await download(location);
		expect(file.status).toBe(200);
		expect(file.headers['content-type']).toBe('application/pdf');
		expect(file.headers['content-disposition']).toBe(`attachment; filename="paystub_${String(doc.available_date).slice(0, 10)}.pdf"`);
		const text = file.body.toString('latin1');
		expect(text.startsWith('%PDF-1.4')).toBe(true);
		expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
		const stub = harness.sim.objects('paystubs', { account: account.id }).find((p) => p.payroll_document === doc.id)!;
		expect(text).toContain(`Net pay: $${stub.net_pay}`);
		const xref = Number(/startxref\n(\d+)/.exec(text)![1]);
		expect(text.slice(xref, xref + 4)).toBe('xref');

		expect(harness.sim.storageRequests).toEqual([
			expect.objectContaining({ method: 'GET', url: location, origin: 'storage', status: 200 }),
		]);
		expect(harness.sim.storageRequests[0].headers).not.toHaveProperty('authorization');
		expect(harness.sim.calls.map((c) => `${c.method} ${c.path} ${c.status}`)).toEqual([`GET /v2/payroll-documents/${doc.id}/file 302`]);
	});

	it('records an Authorization header that a leaking client forwards; rejectAuthorization makes storage answer 400', async () => {
		const account = harness.sim.addAccount();
		const leaked = { Authorization: `Basic ${Buffer.from(harness.auth().join(':')).toString('base64')}` };
		const location = await redirectOf(String(documentOf(account.id, 'W-2').file_url));
		expect((await download(location, leaked)).status).toBe(200);
		expect(harness.sim.storageRequests[0].headers.authorization).toBe(leaked.Authorization);

		harness.sim.setFileRedirect('storage', { rejectAuthorization: true });
		const again = await redirectOf(String(documentOf(account.id, 'W-2').file_url));
		const refused = await download(again, leaked);
		expect(refused.status).toBe(400);
		expect(refused.headers['content-type']).toMatch(/^application\/xml/);
		expect(refused.body.toString()).toContain('<Code>InvalidArgument</Code>');
		expect((await download(again)).status).toBe(200);
	});

	it('serves a W-2 PDF, the profile picture as PNG, user uploads, and reports as PDF and JSON', async () => {
		const account = harness.sim.addAccount();
		const w2 = await download(await redirectOf(String(documentOf(account.id, 'W-2').file_url)));
		expect(w2.headers['content-type']).toBe('application/pdf');
		expect(w2.body.toString('latin1')).toContain('comp_1');
		const picture = await download(await redirectOf(String(harness.sim.objects('identities', { account: account.id })[0].picture_url)));
		expect(picture.headers['content-type']).toBe('image/png');
		expect(picture.headers['content-disposition']).toBe('attachment; filename="profile-picture.png"');
		expect([...picture.body.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

		await harness.sim.fireEvent('user_uploads.added', { account: account.id });
		const [upload] = harness.sim.objects('user_uploads', { account: account.id }) as DataObject[];
		expect(upload.file_url).toBe(`${harness.sim.baseUrl}/v2/user-uploads/${upload.id}/file`);
		const uploaded = await download(await redirectOf(String(upload.file_url)));
		expect(uploaded.headers['content-disposition']).toBe(`attachment; filename="${upload.file_name}"`);
		expect(uploaded.headers['content-type']).toBe(String(upload.file_name).endsWith('.png') ? 'image/png' : 'application/pdf');

		const [report] = harness.sim.objects('reports', { user: account.user });
		const json = await download(await redirectOf(String(report.json_url)));
		expect(json.headers['content-type']).toBe('application/json');
		expect(JSON.parse(json.body.toString())).toMatchObject({ id: report.id, type: 'voie', accounts: [expect.objectContaining({ account: account.id })] });
		const pdf = await download(await redirectOf(String(report.file_url)));
		expect(pdf.headers['content-type']).toBe('application/pdf');
		expect(pdf.headers['content-disposition']).toBe(`attachment; filename="voie-report-${report.id}.pdf"`);
		expect(harness.sim.storageRequests.every((r) => r.headers.authorization === undefined)).toBe(true);
	});

	it('needs the API key (401), answers 404 for unknown files; storage answers 404/403 for unknown or tampered links', async () => {
		const account = harness.sim.addAccount();
		const url = String(documentOf(account.id, 'W-2').file_url);
		expect((await request(url)).status).toBe(401);
		expect((await request(`${harness.sim.baseUrl}/v2/payroll-documents/0195e0a4-0000-4000-8000-00000000dead/file`, { auth: harness.auth() })).status).toBe(404);
		const location = new URL(await redirectOf(url));
		location.searchParams.set('X-Goog-Signature', '0'.repeat(64));
		expect((await download(location.href)).status).toBe(403);
		expect((await download(`${harness.sim.storageOrigin}/argyle-sim-files/nope/x.pdf`)).status).toBe(404);
		expect((await rawRequest(await redirectOf(url), { method: 'DELETE' })).status).toBe(405);
	});

	it('same-origin mode redirects to the API host, where a client keeps (and the record shows) Authorization', async () => {
		harness.sim.setFileRedirect('same-origin');
		const account = harness.sim.addAccount();
		const location = await redirectOf(String(documentOf(account.id, 'W-2').file_url));
		expect(new URL(location).origin).toBe(new URL(harness.sim.baseUrl).origin);
		const file = await request(location, { auth: harness.auth() });
		expect(file.status).toBe(200);
		expect(file.headers['content-type']).toBe('application/pdf');
		expect(harness.sim.storageRequests).toEqual([expect.objectContaining({ origin: 'api', status: 200 })]);
		expect(harness.sim.storageRequests[0].headers.authorization).toMatch(/^Basic /);
		harness.sim.reset();
		const after = harness.sim.addAccount();
		expect(new URL(await redirectOf(String(documentOf(after.id, 'W-2').file_url))).origin).toBe(harness.sim.storageOrigin);
	});

	it('loop mode: the file URL and the storage server redirect to each other forever', async () => {
		harness.sim.setFileRedirect('loop');
		const account = harness.sim.addAccount();
		const start = String(documentOf(account.id, 'W-2').file_url);
		let url = start;
		const hops: string[] = [];
		for (let i = 0; i < 6; i++) {
			const res = await request(url, { auth: new URL(url).origin === harness.sim.storageOrigin ? undefined : harness.auth() });
			expect(res.status).toBe(302);
			hops.push(new URL(url).origin);
			url = res.headers.location;
		}
		expect(hops).toEqual([1, 2, 3, 4, 5, 6].map((i) => (i % 2 ? new URL(start).origin : harness.sim.storageOrigin)));
		expect(url).toBe(start);
	});
});
