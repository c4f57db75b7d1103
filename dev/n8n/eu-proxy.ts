/**
 * Lets n8n talk to "https://api.eu.pagerduty.com" while the request really reaches the local sandbox, without
 * touching the machine (no /etc/hosts, no port 443, no root):
 *
 *   n8n --HTTPS_PROXY--> this proxy (loopback) --CONNECT api.eu.pagerduty.com:443--> TLS terminated here with a
 *   throw-away certificate for api.eu.pagerduty.com (trusted by n8n through NODE_EXTRA_CA_CERTS) --> plain HTTP
 *   to the sandbox, Host header kept (so the sandbox's request log shows host api.eu.pagerduty.com).
 *
 * n8n 2.41's outbound HTTP (@n8n/backend-network) routes through HTTPS_PROXY / NO_PROXY (proxy-from-env) by
 * default. Every other CONNECT target is refused, so nothing leaves the machine.
 */
import { execFileSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { createServer, IncomingMessage, request, Server, ServerResponse } from 'http';
import { AddressInfo, Socket } from 'net';
import { tmpdir } from 'os';
import { join } from 'path';
import { TLSSocket } from 'tls';

export const EU_HOST = 'api.eu.pagerduty.com';

export interface EuProxy {
	/** http://127.0.0.1:<port>, for HTTPS_PROXY. */
	url: string;
	/** PEM file to trust (NODE_EXTRA_CA_CERTS). */
	caFile: string;
	/** CONNECT targets seen, allowed or not. */
	connects: string[];
	close(): Promise<void>;
}

function makeCertificate(dir: string): { key: string; cert: string; certFile: string } {
	const keyFile = join(dir, 'key.pem');
	const certFile = join(dir, 'cert.pem');
	execFileSync(
		'openssl',
		[
			'req',
			'-x509',
			'-newkey',
			'rsa:2048',
			'-nodes',
			'-sha256',
			'-days',
			'2',
			'-keyout',
			keyFile,
			'-out',
			certFile,
			'-subj',
			`/CN=${EU_HOST}`,
			'-addext',
			`subjectAltName=DNS:${EU_HOST}`,
		],
		{ stdio: 'ignore' },
	);
	return { key: readFileSync(keyFile, 'utf8'), cert: readFileSync(certFile, 'utf8'), certFile };
}

export async function startEuProxy(sandboxUrl: string): Promise<EuProxy> {
	const dir = mkdtempSync(join(tmpdir(), 'pd-eu-proxy-'));
	const { key, cert, certFile } = makeCertificate(dir);
	const target = new URL(sandboxUrl);
	const connects: string[] = [];

	// Decrypted requests arriving through the tunnel are forwarded to the sandbox unchanged.
	const inner = createServer((req: IncomingMessage, res: ServerResponse) => {
		const upstream = request(
			{
				host: target.hostname,
				port: target.port,
				method: req.method,
				path: req.url,
				headers: req.headers,
			},
			(answer) => {
				res.writeHead(answer.statusCode ?? 502, answer.headers);
				answer.pipe(res);
			},
		);
		upstream.on('error', (error) => {
			res.writeHead(502, { 'content-type': 'text/plain' });
			res.end(`eu-proxy: sandbox unreachable: ${error.message}`);
		});
		req.pipe(upstream);
	});

	const proxy: Server = createServer((_req, res) => {
		res.writeHead(403, { 'content-type': 'text/plain' });
		res.end('eu-proxy only tunnels CONNECT to api.eu.pagerduty.com');
	});
	const sockets = new Set<Socket>();
	proxy.on('connection', (socket: Socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	proxy.on('connect', (req: IncomingMessage, socket: Socket) => {
		const destination = req.url ?? '';
		connects.push(destination);
		socket.on('error', () => socket.destroy());
		if (destination !== `${EU_HOST}:443`) {
			socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
			return;
		}
		socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
		const tls = new TLSSocket(socket, { isServer: true, key, cert });
		tls.on('error', () => socket.destroy());
		inner.emit('connection', tls);
	});

	await new Promise<void>((resolve, reject) => {
		proxy.once('error', reject);
		proxy.listen(0, '127.0.0.1', () => resolve());
	});
	const { port } = proxy.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		caFile: certFile,
		connects,
		close: () =>
			new Promise<void>((resolve) => {
				for (const socket of sockets) socket.destroy();
				inner.closeAllConnections();
				proxy.close(() => {
					rmSync(dir, { recursive: true, force: true });
					resolve();
				});
			}),
	};
}
