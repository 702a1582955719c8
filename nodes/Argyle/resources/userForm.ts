/** User forms: what users entered in Link when they could not find their employer (`/v2/user-forms`). */
import { USER_FORM } from '../../shared/objects/userForm';
import { getManyOperation, getOperation, type DataSet } from './common';
import { accountAndUser } from './filters';
import type { ResourceDefinition } from './types';

const USER_FORMS: DataSet = { path: 'user-forms', label: 'User Form', one: 'user form', many: 'user forms' };

export const userForm: ResourceDefinition = {
	resource: 'userForm',
	name: 'User Form',
	plural: 'User Forms',
	defaultOperation: 'get',
	operations: {
		get: getOperation(USER_FORMS, {
			idParameter: 'userFormId',
			idDescription: 'The ID of the response form, e.g. the "user_form" field of an Argyle Trigger item (User Form: Submitted)',
			description: 'Retrieve one response form: the income source and payroll provider the user entered',
			output: USER_FORM,
		}),
		getAll: getManyOperation(USER_FORMS, {
			description: 'List response forms, optionally only those of one account or user',
			filters: accountAndUser('user forms'),
			output: USER_FORM,
		}),
	},
};
