import * as net from 'node:net';

/** Asks the OS for a free TCP port on 127.0.0.1 (bind to port 0, read it, close). */
export function freePort(host = '127.0.0.1'): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.unref();
		server.on('error', reject);
		server.listen({ port: 0, host, exclusive: true }, () => {
			const address = server.address();
			if (address === null || typeof address === 'string') {
				server.close();
				reject(new Error('could not read the port of a listening socket'));
				return;
			}
			const { port } = address;
			server.close((error) => (error ? reject(error) : resolve(port)));
		});
	});
}

/** `count` distinct free ports (each is bound and released in turn, then checked to be distinct). */
export async function freePorts(count: number, host = '127.0.0.1'): Promise<number[]> {
	const ports = new Set<number>();
	while (ports.size < count) ports.add(await freePort(host));
	return [...ports];
}

/** True when something accepts TCP connections on host:port. */
export function isListening(port: number, host = '127.0.0.1'): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = net.connect({ port, host });
		socket.once('connect', () => {
			socket.destroy();
			resolve(true);
		});
		socket.once('error', () => resolve(false));
	});
}
