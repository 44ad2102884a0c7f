// Debian's Chromium driven by playwright-core, in a fresh profile, with every request that
// would leave 127.0.0.1 aborted and remembered.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { chromium } from 'playwright-core';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

export async function launchBrowser(locale) {
	const profile = mkdtempSync(path.join(os.tmpdir(), 'browser-tests-'));
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
		headless: true,
		locale,
		viewport: { width: 1100, height: 900 },
		args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
			'--disable-background-networking', '--disable-component-update', '--disable-sync'],
	});
	const blocked = [];
	await context.route('**/*', (route) => {
		const url = new URL(route.request().url());
		if ((url.protocol === 'http:' || url.protocol === 'https:') && !LOOPBACK.has(url.hostname)) {
			blocked.push(url.href);
			return route.abort('blockedbyclient');
		}
		return route.fallback();
	});
	return {
		context,
		blocked,
		close: async () => {
			await context.close();
			rmSync(profile, { recursive: true, force: true });
		},
	};
}
