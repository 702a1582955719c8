/**
 * One case per Argyle node operation for the end-to-end run: its parameters (IDs taken from the
 * Webhook node's body with expressions, as a user would map a trigger's item) and, where an output
 * holds more than JSON, what it must hold. The body names objects the simulator really stores.
 */
import type { ArgyleSimulator, DataObject } from '../../../simulator';
import { request } from '../../../simulator';

export interface OperationCase {
	resource: string;
	operation: string;
	name: string;
	parameters: Record<string, unknown>;
	check?: (items: Array<{ json: Record<string, unknown>; binary?: unknown }>) => void;
}

const from = (field: string) => `={{ $json.body.${field} }}`;

const first = (objects: DataObject[], what: string): string => {
	if (!objects.length) throw new Error(`the simulator holds no ${what}`);
	return objects[0].id;
};

function expectBinary(mimeType: RegExp) {
	return (items: Array<{ json: Record<string, unknown>; binary?: unknown }>) => {
		const binary = (items[0].binary as Record<string, { mimeType?: string; fileName?: string }> | undefined)?.data;
		if (!binary || !mimeType.test(String(binary.mimeType)) || !binary.fileName) {
			throw new Error(`expected a binary "data" of ${mimeType}, got ${JSON.stringify(items[0].binary)}`);
		}
	};
}

/** Seeds what the operations need and returns the cases with the Webhook body that names it all. */
export async function operationCases(sim: ArgyleSimulator): Promise<{ cases: OperationCase[]; body: Record<string, string> }> {
	const employer = sim.addAccount({ kind: 'employer' });
	const gig = sim.addAccount({ kind: 'gig', user: employer.user });
	const doomedAccount = sim.addAccount({ kind: 'employer' });
	const doomedUser = sim.addUser({ external_id: 'e2e-to-delete' });
	await sim.fireEvent('user_uploads.added', { account: gig.id });
	await sim.fireEvent('user_forms.submitted', { account: gig.id });
	const subscription = sim.plantWebhook({ url: 'http://127.0.0.1:9/left-behind', events: ['accounts.added'] });
	const auth: [string, string] = [sim.apiKeyId, sim.apiKeySecret];
	const doomedReport = await request<{ id: string }>(`${sim.baseUrl}/v2/reports/voe`, { method: 'POST', auth, body: { user: employer.user } });
	const generated = sim.objects('reports', { user: employer.user }).find((report) => report.status === 'generated');
	const owned = (resource: Parameters<ArgyleSimulator['objects']>[0], account: string) => first(sim.objects(resource, { account }), resource);

	const body: Record<string, string> = {
		account: employer.id,
		gigAccount: gig.id,
		user: employer.user,
		item: employer.item,
		identity: owned('identities', employer.id),
		paystub: owned('paystubs', employer.id),
		// a W-2 (a PDF); the account also holds the identity's profile picture
		payrollDocument: first(sim.objects('payroll_documents', { account: employer.id }).filter((doc) => doc.document_type === 'W-2'), 'W-2'),
		depositDestination: owned('deposit_destinations', employer.id),
		shift: owned('shifts', employer.id),
		gig: owned('gigs', gig.id),
		vehicle: owned('vehicles', gig.id),
		rating: owned('ratings', gig.id),
		userUpload: owned('user_uploads', gig.id),
		userForm: owned('user_forms', gig.id),
		verification: first(sim.objects('verifications', { user: employer.user }), 'verification'),
		report: first(generated ? [generated] : [], 'generated report'),
		doomedReport: doomedReport.json.id,
		doomedAccount: doomedAccount.id,
		doomedUser: doomedUser.id,
		subscription: subscription.id,
	};

	const getMany = (filters: Record<string, unknown>) => ({ returnAll: false, limit: 5, filters });
	const dataSet = (resource: string, idParameter: string, idField: string, filters: Record<string, unknown>): OperationCase[] => [
		{ resource, operation: 'get', name: `${resource} get`, parameters: { [idParameter]: from(idField) } },
		{ resource, operation: 'getAll', name: `${resource} getAll`, parameters: getMany(filters) },
	];
	const cases: OperationCase[] = [
		{ resource: 'account', operation: 'get', name: 'account get', parameters: { accountId: from('account') } },
		{ resource: 'account', operation: 'getAll', name: 'account getAll', parameters: getMany({ user: from('user') }) },
		{ resource: 'account', operation: 'periodicScan', name: 'account periodicScan', parameters: { accountId: from('account') } },
		{ resource: 'account', operation: 'disableOngoingRefresh', name: 'account disableOngoingRefresh', parameters: { accountId: from('gigAccount') } },
		{ resource: 'account', operation: 'delete', name: 'account delete', parameters: { accountId: from('doomedAccount'), options: {} } },
		...dataSet('identity', 'identityId', 'identity', { account: from('account') }),
		...dataSet('paystub', 'paystubId', 'paystub', { account: from('account'), fromStartDate: '={{ $now.minus({ days: 120 }).toISO() }}' }),
		...dataSet('payrollDocument', 'payrollDocumentId', 'payrollDocument', { account: from('account') }),
		{
			resource: 'payrollDocument',
			operation: 'downloadFile',
			name: 'payrollDocument downloadFile',
			parameters: { payrollDocumentId: from('payrollDocument') },
			check: expectBinary(/^application\/pdf$/),
		},
		...dataSet('depositDestination', 'depositDestinationId', 'depositDestination', { user: from('user') }),
		...dataSet('shift', 'shiftId', 'shift', { account: from('account') }),
		...dataSet('gig', 'gigId', 'gig', { account: from('gigAccount') }),
		...dataSet('vehicle', 'vehicleId', 'vehicle', { account: from('gigAccount') }),
		...dataSet('rating', 'ratingId', 'rating', { account: from('gigAccount') }),
		{ resource: 'employment', operation: 'getAll', name: 'employment getAll', parameters: getMany({ user: from('user') }) },
		...dataSet('item', 'itemId', 'item', { search: 'a' }),
		...dataSet('userUpload', 'userUploadId', 'userUpload', { account: from('gigAccount') }),
		{
			resource: 'userUpload',
			operation: 'downloadFile',
			name: 'userUpload downloadFile',
			parameters: { userUploadId: from('userUpload') },
			check: expectBinary(/^(image|application)\//),
		},
		...dataSet('userForm', 'userFormId', 'userForm', { account: from('gigAccount') }),
		...dataSet('verification', 'verificationId', 'verification', { user: from('user') }),
		{ resource: 'report', operation: 'generate', name: 'report generate', parameters: { reportType: 'voie', userId: from('user') } },
		{ resource: 'report', operation: 'get', name: 'report get', parameters: { reportId: from('report') } },
		{ resource: 'report', operation: 'getAll', name: 'report getAll', parameters: getMany({ user: from('user') }) },
		{
			resource: 'report',
			operation: 'download',
			name: 'report download',
			parameters: { reportId: from('report'), format: 'pdf' },
			check: expectBinary(/^application\/pdf$/),
		},
		{ resource: 'report', operation: 'delete', name: 'report delete', parameters: { reportId: from('doomedReport'), options: {} } },
		{
			resource: 'user',
			operation: 'create',
			name: 'user create',
			parameters: { additionalFields: { firstName: 'Sarah', externalId: 'e2e-new-user' } },
			check: (items) => {
				if (typeof items[0].json.user_token !== 'string') throw new Error('User: Create gave no user_token');
			},
		},
		{ resource: 'user', operation: 'get', name: 'user get', parameters: { userId: from('user') } },
		{ resource: 'user', operation: 'getAll', name: 'user getAll', parameters: getMany({}) },
		{ resource: 'user', operation: 'update', name: 'user update', parameters: { userId: from('user'), updateFields: { lastName: 'Jones' } } },
		{ resource: 'user', operation: 'delete', name: 'user delete', parameters: { userId: from('doomedUser'), options: {} } },
		{ resource: 'userToken', operation: 'create', name: 'userToken create', parameters: { userId: from('user') } },
		{ resource: 'webhookSubscription', operation: 'getAll', name: 'webhookSubscription getAll', parameters: getMany({}) },
		{
			resource: 'webhookSubscription',
			operation: 'delete',
			name: 'webhookSubscription delete',
			parameters: { webhookSubscriptionId: from('subscription'), options: {} },
		},
	];
	return { cases, body };
}
