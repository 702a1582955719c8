/** Verifications: ordered mortgage, banking and document verifications and their reports (`/v2/verifications`); read only. */
import {
	VERIFICATION,
	VERIFICATION_CODES,
	VERIFICATION_REPORT_TYPES,
	VERIFICATION_STATES,
} from '../../shared/objects/verification';
import { getManyOperation, getOperation, type DataSet } from './common';
import { choiceFilter, choices, idFilter, textFilter } from './filters';
import type { ResourceDefinition } from './types';

const VERIFICATIONS: DataSet = { path: 'verifications', label: 'Verification', one: 'verification', many: 'verifications' };

const STATE_NAMES = Object.fromEntries(VERIFICATION_STATES.map((state) => [state, state.charAt(0) + state.slice(1).toLowerCase()]));

const REPORT_TYPE_NAMES: Record<(typeof VERIFICATION_REPORT_TYPES)[number], string> = {
	'doc-voi-mortgage': 'Document VOI (Mortgage)',
	voa: 'VOA (Assets)',
	voai: 'VOAI (Assets and Income)',
	voe: 'VOE (Employment)',
	'voe-transactions': 'VOE Transactions',
	voi: 'VOI (Income)',
	voie: 'VOIE (Income and Employment)',
};

export const verification: ResourceDefinition = {
	resource: 'verification',
	name: 'Verification',
	plural: 'Verifications',
	defaultOperation: 'get',
	operations: {
		get: getOperation(VERIFICATIONS, {
			idParameter: 'verificationId',
			idDescription: 'The ID of the verification, e.g. the "verification" field of an Argyle Trigger item (Verification: Updated)',
			description: 'Retrieve one verification: its state, report (once COMPLETED), loan and employments',
			output: VERIFICATION,
		}),
		getAll: getManyOperation(VERIFICATIONS, {
			description: 'List verifications, optionally only those of one user, in one state, of one report type or for one loan',
			filters: [
				idFilter('user', 'verifications'),
				choiceFilter(
					{ displayName: 'State', name: 'statusState', description: 'Only verifications in this state (status.state)' },
					'status_state',
					choices(VERIFICATION_STATES, STATE_NAMES),
				),
				choiceFilter(
					{ displayName: 'Status Code', name: 'statusCode', description: 'Only verifications with this status code (status.code)' },
					'status_code',
					choices(VERIFICATION_CODES),
				),
				choiceFilter(
					{ displayName: 'Report Type', name: 'reportType', description: 'Only verifications ordering this report type' },
					'report_type',
					choices(VERIFICATION_REPORT_TYPES, REPORT_TYPE_NAMES),
				),
				textFilter(
					{ displayName: 'Loan Number', name: 'loanNumber', description: 'Only verifications for this loan number' },
					'loan_number',
				),
			],
			output: VERIFICATION,
		}),
	},
};
