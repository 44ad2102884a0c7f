// The <tmall-compare> widget and GraphiQL in Debian's Chromium, against the gateway jar on
// its embedded upstreams, with every request that would leave 127.0.0.1 blocked. Two
// gateways: one whole, one whose AliExpress is a closed port. Screenshots of every state
// go to target/browser-tests/.
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, afterEach, before, beforeEach, describe, test } from 'node:test';

import AxeBuilder from '@axe-core/playwright';

import { launchBrowser } from '../support/browser.js';
import { OUT, freePorts, startGateway } from '../support/gateway.js';
import { WIDGET_HASH_REQUEST, compare, raw } from '../support/graphql.js';
import { shopPage, startShop } from '../support/shop.js';
import { assertCardsMatch, cards, settled, text } from '../support/widget.js';

const BOTH = '8479235294249';
const TMALL_ONLY = '4015397101793';
const NEITHER = '4006381333931';

// the widget's words these tests look for, in the languages they use
const WORDS = {
	en: { cheapest: 'Cheapest', fastest: 'Fastest', DOMESTIC: 'Local', EU: 'EU', CROSS_BORDER: 'Outside the EU',
		EU_INTERNAL: 'Delivery within the EU, no duty', IOSS: 'Import, VAT paid at checkout (IOSS)',
		IMPORT: 'Import, VAT and duty at customs' },
	es: { cheapest: 'Más barata', fastest: 'Más rápida', DOMESTIC: 'Local', EU: 'UE', CROSS_BORDER: 'Fuera de la UE',
		EU_INTERNAL: 'Entrega dentro de la UE, sin aranceles', IOSS: 'Importación, IVA pagado en la compra (IOSS)',
		IMPORT: 'Importación, IVA y arancel en aduana' },
	de: { cheapest: 'Am günstigsten', fastest: 'Am schnellsten', DOMESTIC: 'Lokal', EU: 'EU',
		CROSS_BORDER: 'Außerhalb der EU', EU_INTERNAL: 'Lieferung innerhalb der EU, kein Zoll',
		IOSS: 'Import, MwSt. beim Kauf bezahlt (IOSS)', IMPORT: 'Import, MwSt. und Zoll bei der Verzollung' },
};

const partnerKey = randomBytes(24).toString('hex');
const publishableKey = `pk_browser_tests_${randomBytes(12).toString('hex')}`;
const shopPages = {};
const otherPages = {};
let gateway;
let aliexpressDown;
let shop;
let otherShop;
let browser;
let page;

function shot(name) {
	return path.join(OUT, `${name}.png`);
}

async function screenshot(selector, name) {
	await page.locator(selector).screenshot({ path: shot(name) });
}

before(async () => {
	mkdirSync(OUT, { recursive: true });
	shop = await startShop(shopPages);
	otherShop = await startShop(otherPages);
	const [closedPort] = await freePorts(1);
	const partner = [
		`--gateway.clients.partners.browser-tests.key-sha256=${createHash('sha256').update(partnerKey).digest('hex')}`,
		'--gateway.clients.partners.browser-tests.rate-limit.capacity=10000',
		'--gateway.clients.partners.browser-tests.rate-limit.refill=10000',
	];
	[gateway, aliexpressDown] = await Promise.all([
		startGateway('whole', [...partner, `--gateway.clients.publishable.shop.key=${publishableKey}`,
			`--gateway.clients.publishable.shop.allowed-origins=${shop.origin}`]),
		startGateway('aliexpress-down', [...partner, `--gateway.upstreams.aliexpress.base-url=http://127.0.0.1:${closedPort}`,
			'--gateway.upstreams.aliexpress.app-key=browser-tests', '--gateway.upstreams.aliexpress.app-secret=browser-tests']),
	]);
	const widget = { gtin: BOTH, 'ship-to': 'ES', currency: 'EUR', endpoint: `${gateway.url}/graphql` };
	shopPages['/shop.html'] = shopPage(gateway.url, { ...widget, key: publishableKey });
	shopPages['/no-key.html'] = shopPage(gateway.url, widget);
	shopPages['/no-lang.html'] = shopPage(gateway.url, { ...widget, key: publishableKey }, null)
		.replace(' lang="null"', '');
	otherPages['/shop.html'] = shopPage(gateway.url, { ...widget, key: publishableKey });
	// the browser's own language, for a page that names none
	browser = await launchBrowser('de-DE');
});

after(async () => {
	await browser?.close();
	await Promise.all([gateway?.stop(), aliexpressDown?.stop(), shop?.close(), otherShop?.close()]);
});

beforeEach(async () => {
	browser.blocked.length = 0;
	page = await browser.context.newPage();
});

afterEach(async () => {
	await page.close();
	// nothing any page asked for left 127.0.0.1 (it would have been blocked, and counted)
	assert.deepEqual(browser.blocked, []);
});

describe('<tmall-compare> on the demo page', () => {

	test('shows both offers with the labels and amounts of the GraphQL answer, in English', async () => {
		const answer = await compare(gateway.url, partnerKey, { gtin: BOTH, language: 'en' });
		const product = answer.data.product;
		assert.equal(answer.errors, undefined);
		assert.equal(product.offers.length, 2);
		await page.goto(`${gateway.url}/widget/demo.html`);

		assert.equal(await settled(page, '#en-both'), 'ready');
		await screenshot('#en-both', 'widget-ready-en');
		await page.locator('#en-both').evaluate((widget) => widget.shadowRoot.querySelector('summary').focus());
		await page.keyboard.press('Enter');
		const shown = await cards(page, '#en-both');
		assertCardsMatch(shown, product, WORDS.en);
		assert.equal(shown.filter((card) => card.breakdownVisible).length, 1, 'the keyboard opened one breakdown');
		await screenshot('#en-both', 'widget-breakdown-en');

		const premium = product.comparison.localPremium;
		const summary = await text(page, '#en-both', '.summary');
		assert.ok(summary.includes(premium.amount.formatted.replace(/[-\u2212]/, '')), summary);
		assert.ok(summary.includes(`${premium.percent}%`), summary);
		assert.ok(summary.includes(`${product.comparison.daysSaved} business days sooner`), summary);
		assert.equal(await text(page, '#en-both', 'h2'), product.title);
		await page.screenshot({ path: shot('demo-page'), fullPage: true });
	});

	test('speaks the page\'s language: the Spanish half of the page is in Spanish', async () => {
		const answer = await compare(gateway.url, partnerKey, { gtin: BOTH, language: 'es' });
		const product = answer.data.product;
		await page.goto(`${gateway.url}/widget/demo.html`);

		assert.equal(await settled(page, '#es-both'), 'ready');
		assertCardsMatch(await cards(page, '#es-both'), product, WORDS.es);
		assert.match(product.offers[0].delivery.label, /^Envío desde /);
		assert.match(product.offers[0].landedCost.total.formatted, /^\d+,\d\d\s€$/);
		const summary = await text(page, '#es-both', '.summary');
		assert.ok(summary.includes(`${product.comparison.daysSaved} días hábiles antes`), summary);
		await screenshot('#es-both', 'widget-ready-es');
	});

	test('shows one card for a product only one marketplace sells', async () => {
		const product = (await compare(gateway.url, partnerKey, { gtin: TMALL_ONLY, language: 'en' })).data.product;
		await page.goto(`${gateway.url}/widget/demo.html`);

		assert.equal(await settled(page, '#en-tmall'), 'ready');
		assertCardsMatch(await cards(page, '#en-tmall'), product, WORDS.en);
		assert.equal(await text(page, '#en-tmall', '.summary'), '');
	});

	test('says so when neither marketplace sells the product', async () => {
		const answer = await compare(gateway.url, partnerKey, { gtin: NEITHER, language: 'en' });
		assert.equal(answer.data.product, null);
		assert.equal(answer.errors, undefined);
		await page.goto(`${gateway.url}/widget/demo.html`);

		assert.equal(await settled(page, '#en-neither'), 'empty');
		assert.equal(await text(page, '#en-neither', '[role="status"]'),
			'Neither marketplace offers this product for this destination.');
		assert.deepEqual(await cards(page, '#en-neither'), []);
		await screenshot('#en-neither', 'widget-empty');
	});

	test('reserves its space while loading, so nothing on the page moves', async () => {
		let release;
		const held = new Promise((resolve) => {
			release = resolve;
		});
		await page.route('**/graphql', async (route) => {
			await held;
			await route.fallback();
		});
		await page.goto(`${gateway.url}/widget/demo.html`);
		await page.waitForSelector('#en-both[state="loading"]');
		const loading = await page.locator('#en-both').boundingBox();
		const below = await page.locator('#spanish').boundingBox();
		await screenshot('#en-both', 'widget-loading');

		release();
		assert.equal(await settled(page, '#en-both'), 'ready');
		await settled(page, '#es-neither');
		const ready = await page.locator('#en-both').boundingBox();
		assert.ok(Math.abs(ready.height - loading.height) < 1, `${loading.height}px loading, ${ready.height}px ready`);
		assert.equal((await page.locator('#spanish').boundingBox()).y, below.y);
		const shift = await page.evaluate(() => new Promise((resolve) => {
			new PerformanceObserver((entries) => resolve(entries.getEntries()
				.filter((entry) => !entry.hadRecentInput)
				.reduce((sum, entry) => sum + entry.value, 0))).observe({ type: 'layout-shift', buffered: true });
			setTimeout(() => resolve(0), 1000);
		}));
		assert.ok(shift < 0.01, `cumulative layout shift ${shift}`);
	});

	test('has no serious or critical accessibility violation, its breakdowns open', async () => {
		await page.goto(`${gateway.url}/widget/demo.html`);
		for (const id of ['#en-both', '#en-tmall', '#en-aliexpress', '#en-neither', '#es-both']) {
			await settled(page, id);
		}
		await page.locator('#en-both').evaluate((widget) => widget.shadowRoot.querySelectorAll('details')
			.forEach((details) => {
				details.open = true;
			}));

		const results = await new AxeBuilder({ page }).analyze();
		const serious = results.violations.filter((violation) => ['serious', 'critical'].includes(violation.impact));
		assert.deepEqual(serious.map((violation) => `${violation.id}: ${violation.help}`), []);
		assert.ok(results.passes.some((rule) => rule.id === 'color-contrast'), 'axe checked the contrast');
	});

});

describe('<tmall-compare> when AliExpress is down', () => {

	test('shows the Tmall Europe offer and a notice in the place of the other', async () => {
		const answer = await compare(aliexpressDown.url, partnerKey, { gtin: BOTH, language: 'en' });
		const failure = answer.errors.find((error) => error.extensions.upstream === 'aliexpress');
		assert.ok(failure, JSON.stringify(answer.errors));
		assert.match(failure.extensions.code, /^UPSTREAM_/);
		assert.deepEqual(answer.data.product.offers.map((offer) => offer.marketplace), ['TMALL_EUROPE']);
		await page.goto(`${aliexpressDown.url}/widget/demo.html`);

		assert.equal(await settled(page, '#en-both'), 'partial');
		assertCardsMatch(await cards(page, '#en-both'), answer.data.product, WORDS.en);
		assert.equal(await text(page, '#en-both', '.notice'),
			'AliExpress did not answer, so its offer is missing. Please try again later.');
		const [card, notice] = await page.locator('#en-both').evaluate((widget) => [
			widget.shadowRoot.querySelector('article'), widget.shadowRoot.querySelector('.notice'),
		].map((element) => {
			const box = element.getBoundingClientRect();
			return { top: box.top, width: box.width, height: box.height };
		}));
		assert.deepEqual(notice, card, 'the notice takes the missing card\'s place, side by side');
		await screenshot('#en-both', 'widget-partial');

		const results = await new AxeBuilder({ page }).include('#en-both').analyze();
		assert.deepEqual(results.violations.filter((violation) => ['serious', 'critical'].includes(violation.impact))
			.map((violation) => violation.id), []);
	});

});

describe('<tmall-compare> on a partner\'s page, with a publishable key', () => {

	test('is answered on the key\'s own origin', async () => {
		const product = (await compare(gateway.url, partnerKey, { gtin: BOTH, language: 'en' })).data.product;
		await page.goto(`${shop.origin}/shop.html`);

		assert.equal(await settled(page, 'tmall-compare'), 'ready');
		assertCardsMatch(await cards(page, 'tmall-compare'), product, WORDS.en);
		await page.screenshot({ path: shot('widget-partner-page'), fullPage: true });
	});

	test('speaks the browser\'s language when the page names none', async () => {
		const product = (await compare(gateway.url, partnerKey, { gtin: BOTH, language: 'de' })).data.product;
		await page.goto(`${shop.origin}/no-lang.html`);

		assert.equal(await settled(page, 'tmall-compare'), 'ready');
		assertCardsMatch(await cards(page, 'tmall-compare'), product, WORDS.de);
		assert.match(product.offers[0].delivery.label, /^Versand: /);
		await screenshot('tmall-compare', 'widget-browser-language-de');
	});

	test('is refused without the key', async () => {
		const answered = page.waitForResponse((response) => response.url().endsWith('/graphql')
			&& response.request().method() === 'POST');
		await page.goto(`${shop.origin}/no-key.html`);

		assert.equal((await answered).status(), 401);
		assert.equal(await settled(page, 'tmall-compare'), 'error');
		assert.equal(await text(page, 'tmall-compare', '[role="status"]'), 'The offers could not be loaded.');
		await screenshot('tmall-compare', 'widget-refused-without-key');
	});

	test('is refused on another origin, by CORS and by the gateway', async () => {
		const failed = page.waitForEvent('requestfailed', (request) => request.url().endsWith('/graphql'));
		await page.goto(`${otherShop.origin}/shop.html`);

		await failed;
		assert.equal(await settled(page, 'tmall-compare'), 'error');
		await screenshot('tmall-compare', 'widget-refused-other-origin');

		const preflight = (origin) => raw('OPTIONS', `${gateway.url}/graphql`, {
			Origin: origin, 'Access-Control-Request-Method': 'POST',
			'Access-Control-Request-Headers': 'content-type, x-api-key, accept-language',
		});
		const allowed = await preflight(shop.origin);
		assert.equal(allowed.status, 200);
		assert.equal(allowed.headers['access-control-allow-origin'], shop.origin);
		// no Access-Control-Allow-Origin: the browser sends nothing more (Spring answers 200 with no
		// CORS headers when no first-party origin is configured, 403 when one is)
		const refused = await preflight(otherShop.origin);
		assert.equal(refused.headers['access-control-allow-origin'], undefined);

		const script = await (await fetch(`${gateway.url}/widget/tmall-compare.js`)).text();
		const widgetHash = script.match(/const DOCUMENT_SHA256 = '([0-9a-f]{64})'/)[1];
		const post = await raw('POST', `${gateway.url}/graphql`, {
			Origin: otherShop.origin, 'Content-Type': 'application/json', 'X-Api-Key': publishableKey,
		}, WIDGET_HASH_REQUEST(widgetHash, BOTH));
		assert.equal(post.status, 403);
		assert.equal(JSON.parse(post.body).errors[0].extensions.code, 'ORIGIN_NOT_ALLOWED');
	});

});

describe('GraphiQL', () => {

	test('renders its editor and runs { __typename } with nothing from outside 127.0.0.1', async () => {
		await page.goto(`${gateway.url}/graphiql`);
		assert.match(page.url(), /\/graphiql\?path=\/graphql$/);
		const editor = page.locator('.graphiql-query-editor .CodeMirror');
		await editor.waitFor();
		await editor.evaluate((element) => element.CodeMirror.setValue('{ __typename }'));
		await page.locator('.graphiql-execute-button').click();

		await page.locator('.graphiql-response').getByText('"Query"').waitFor();
		assert.match(await page.locator('.graphiql-response').innerText(), /"__typename":\s*"Query"/);
		await page.screenshot({ path: shot('graphiql') });
	});

});
