// Reads what a <tmall-compare> shows, through its open shadow root.
import assert from 'node:assert/strict';

export const MARKETPLACE_NAMES = { TMALL_EUROPE: 'Tmall Europe', ALIEXPRESS: 'AliExpress' };

/** Waits until the widget is no longer loading; returns its state. */
export async function settled(page, selector) {
	await page.waitForSelector(`${selector}[state]:not([state="loading"])`, { timeout: 30_000 });
	return page.getAttribute(selector, 'state');
}

/** Every offer card of the widget, as text, in the order shown. */
export function cards(page, selector) {
	return page.locator(selector).evaluate((widget) => [...widget.shadowRoot.querySelectorAll('article')]
		.map((card) => ({
			marketplace: card.dataset.marketplace,
			name: card.querySelector('h3').textContent,
			badge: card.querySelector('.badge').textContent,
			marks: [...card.querySelectorAll('.marks li')].map((mark) => mark.textContent),
			label: card.querySelector('.label').textContent,
			latestDate: card.querySelector('time').getAttribute('datetime'),
			date: card.querySelector('.date').textContent,
			total: card.querySelector('.total strong').textContent,
			breakdown: Object.fromEntries([...card.querySelectorAll('dt')]
				.map((term) => [term.textContent, term.nextElementSibling.textContent])),
			breakdownVisible: card.querySelector('details').open,
			link: card.querySelector('a').getAttribute('href'),
		})));
}

export function text(page, selector, part) {
	return page.locator(selector).evaluate((widget, css) => {
		const element = widget.shadowRoot.querySelector(css);
		return element ? element.textContent : null;
	}, part);
}

/**
 * The cards show what the GraphQL answer says, each in the widget's words for `words`
 * (its badge, its marks).
 */
export function assertCardsMatch(shown, product, words) {
	assert.equal(shown.length, product.offers.length);
	for (const offer of product.offers) {
		const card = shown.find((candidate) => candidate.marketplace === offer.marketplace);
		assert.ok(card, `a card for ${offer.marketplace}`);
		assert.equal(card.name, MARKETPLACE_NAMES[offer.marketplace]);
		assert.equal(card.badge, words[offer.origin]);
		assert.equal(card.label, offer.delivery.label);
		assert.equal(card.latestDate, offer.delivery.latestDate);
		assert.equal(card.total, offer.landedCost.total.formatted);
		assert.equal(card.link, offer.url);
		const expectedMarks = [];
		if (product.offers.length > 1 && product.comparison.cheapest.id === offer.id) {
			expectedMarks.push(words.cheapest);
		}
		if (product.offers.length > 1 && product.comparison.fastest.id === offer.id) {
			expectedMarks.push(words.fastest);
		}
		assert.deepEqual(card.marks, expectedMarks);
		const amounts = Object.values(card.breakdown);
		for (const part of ['goods', 'shipping', 'vat', 'duty', 'fees']) {
			assert.ok(amounts.includes(offer.landedCost[part].formatted),
				`${offer.marketplace}'s ${part} ${offer.landedCost[part].formatted} in ${JSON.stringify(card.breakdown)}`);
		}
		assert.ok(amounts.includes(words[offer.landedCost.regime]), `the regime ${offer.landedCost.regime}`);
	}
}
