// Link user tokens: HS256 JWTs shaped like Argyle's (argyle-objects.md §3.16), valid for one hour.
import { createHmac, randomUUID } from 'node:crypto';

export const USER_TOKEN_SECONDS = 3600;

const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

export interface UserTokenClaims {
	client_id: string;
	exp: number;
	fid: string;
	iat: number;
	iss: string;
	jti: string;
	sub: string;
	user_id: string;
}

export function userToken(userId: string, secret: Buffer, clientId: string, nowMs = Date.now()): string {
	const iat = Math.floor(nowMs / 1000);
	const claims: UserTokenClaims = {
		client_id: clientId,
		exp: iat + USER_TOKEN_SECONDS,
		fid: randomUUID(),
		iat,
		iss: 'argyle-core-auth-sim',
		jti: randomUUID(),
		sub: userId,
		user_id: userId,
	};
	const unsigned = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(claims)}`;
	return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}

/** The claims of a token (no signature check): for tests and humans. */
export function decodeUserToken(token: string): UserTokenClaims {
	return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as UserTokenClaims;
}
