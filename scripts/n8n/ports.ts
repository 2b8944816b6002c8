import * as net from 'node:net';

/**
 * Asks the OS for `count` distinct free ports on 127.0.0.1. All listeners stay open until every
 * port is known, so the same port is never handed out twice.
 */
export async function freePorts(count: number): Promise<number[]> {
	const servers: net.Server[] = [];
	try {
		for (let i = 0; i < count; i++) {
			const server = net.createServer();
			servers.push(server);
			await new Promise<void>((resolve, reject) => {
				server.once('error', reject);
				server.listen(0, '127.0.0.1', resolve);
			});
		}
		return servers.map((s) => (s.address() as net.AddressInfo).port);
	} finally {
		await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
	}
}
