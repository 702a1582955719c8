// `/v2/users` (list, create → 201 {id, user_token}, get, PATCH, delete) and `POST /v2/user-tokens`.
import type { ServerResponse } from 'node:http';

import { makeBareUser } from '../fixtures';
import { sendEmpty, sendJson } from '../http';
import { userToken } from '../tokens';
import type { ArgyleUser } from '../types';
import { listHandler, retrieveHandler, type CollectionSpec } from './collection';
import { BAD, notFound, requireObject, requireUser, v2, type ApiHost, type ApiRequest, type Handler, type Route } from './common';
import { exact, field } from './filters';
import { patchUser, validateUserInput, type UserInput } from './userInput';

const USERS: CollectionSpec<ArgyleUser> = {
	path: 'users',
	source: (store) => store.users,
	filters: [exact<ArgyleUser>('external_id', field('external_id'))],
};

const token = (host: ApiHost, userId: string): string => userToken(userId, host.tokenSecret, host.clientId);

/** The validated body of a create or update, or BAD after answering its 400. */
function readInput(req: ApiRequest, res: ServerResponse): UserInput | typeof BAD {
	const body = requireObject(req, res);
	if (body === BAD) return BAD;
	const input = validateUserInput(body);
	if (input.ok) return input.value;
	sendJson(res, 400, input.errors);
	return BAD;
}

const userCreate: Handler = (host, req, res) => {
	const input = readInput(req, res);
	if (input === BAD) return;
	const user = host.store.users.add(Object.assign(makeBareUser(), input));
	sendJson(res, 201, { user_token: token(host, user.id), id: user.id });
};

const userPatch: Handler = (host, req, res, [id]) => {
	const user = host.store.users.get(id);
	if (!user) return notFound(res);
	const input = readInput(req, res);
	if (input === BAD) return;
	patchUser(user, input);
	sendJson(res, 200, user);
};

const userDelete: Handler = (host, _req, res, [id]) => {
	const removed = host.store.removeUser(id);
	if (!removed) return notFound(res);
	sendEmpty(res, 204);
	if (removed.length) host.afterResponse(res, () => host.sendRemoved(removed));
};

const userTokenCreate: Handler = (host, req, res) => {
	const body = requireObject(req, res);
	if (body === BAD) return;
	const user = requireUser(host, body, res);
	if (user !== BAD) sendJson(res, 200, { user_token: token(host, user) });
};

export const USER_ROUTES: Route[] = [
	{ pattern: v2('users'), methods: { GET: listHandler(USERS), POST: userCreate } },
	{ pattern: v2('users/{}'), methods: { GET: retrieveHandler(USERS), PATCH: userPatch, DELETE: userDelete } },
	{ pattern: v2('user-tokens'), methods: { POST: userTokenCreate } },
];
