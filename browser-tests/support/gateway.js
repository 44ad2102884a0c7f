// Starts the gateway jar the way scripts/graphql-http-audit.sh does: on free ports, its
// embedded upstreams behind it, ready once health answers on the management port; stopped
// by its PID.
import { spawn } from 'node:child_process';
import { createWriteStream, readdirSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const OUT = path.join(ROOT, 'target', 'browser-tests');

/** A port free on 127.0.0.1 now; held ports are released together, so several calls differ. */
export async function freePorts(count) {
	const servers = await Promise.all(Array.from({ length: count }, () => new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => resolve(server));
	})));
	const ports = servers.map((server) => server.address().port);
	await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
	return ports;
}

function jar() {
	if (process.env.GATEWAY_JAR) {
		return process.env.GATEWAY_JAR;
	}
	const target = path.join(ROOT, 'target');
	const found = readdirSync(target).find((name) => /^tmall-aliexpress-gateway-.*\.jar$/.test(name)
		&& !name.endsWith('.original'));
	if (!found) {
		throw new Error('no gateway jar in target/: run `mvn -B package` first');
	}
	return path.join(target, found);
}

/**
 * Runs the jar with `args` (`--name=value` settings); resolves once it is healthy, to
 * `{ url, port, stop() }`.
 */
export async function startGateway(name, args) {
	const [port, managementPort] = await freePorts(2);
	const log = createWriteStream(path.join(OUT, `gateway-${name}.log`));
	const child = spawn('java', ['-XX:TieredStopAtLevel=1', '-Xmx512m', '-jar', jar(), `--server.port=${port}`,
		`--management.server.port=${managementPort}`, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
	child.stdout.pipe(log);
	child.stderr.pipe(log);
	let exited = null;
	child.once('exit', (code) => {
		exited = code;
	});
	const stop = () => new Promise((resolve) => {
		if (exited !== null) {
			resolve();
			return;
		}
		child.once('exit', () => resolve());
		process.kill(child.pid, 'SIGTERM');
	});
	const deadline = Date.now() + 180_000;
	while (Date.now() < deadline) {
		if (exited !== null) {
			throw new Error(`the gateway '${name}' exited with ${exited}: see target/browser-tests/gateway-${name}.log`);
		}
		try {
			const health = await fetch(`http://127.0.0.1:${managementPort}/actuator/health/readiness`);
			if (health.ok) {
				return { url: `http://127.0.0.1:${port}`, port, stop };
			}
		}
		catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	await stop();
	throw new Error(`the gateway '${name}' was not healthy within 3 minutes`);
}
