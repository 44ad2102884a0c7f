// A partner's shop: a page on an origin of its own (another 127.0.0.1 port) that embeds
// the widget from the gateway.
import http from 'node:http';

/** Serves `pages` (path to HTML) on a free 127.0.0.1 port; resolves to `{ origin, close() }`. */
export function startShop(pages) {
	const server = http.createServer((request, response) => {
		const page = pages[new URL(request.url, 'http://127.0.0.1').pathname];
		if (!page) {
			response.writeHead(404).end();
			return;
		}
		response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(page);
	});
	return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({
		origin: `http://127.0.0.1:${server.address().port}`,
		close: () => new Promise((closed) => server.close(closed)),
	})));
}

/** A shop page with one widget. */
export function shopPage(gateway, attributes, lang = 'en') {
	const widget = Object.entries(attributes).map(([name, value]) => `${name}="${value}"`).join(' ');
	return `<!doctype html>
<html lang="${lang}">
<head><meta charset="utf-8"><title>A partner's shop</title>
<style>tmall-compare { display: block; min-height: 21.5rem; }</style>
<script src="${gateway}/widget/tmall-compare.js" defer></script></head>
<body><main><h1>A partner's shop</h1>
<tmall-compare ${widget}></tmall-compare>
<p>Text below the widget, which must not move when it loads.</p></main></body>
</html>`;
}
