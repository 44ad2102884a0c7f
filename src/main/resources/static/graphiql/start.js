// Starts GraphiQL on the gateway's own page (src/main/resources/graphiql/offline.html),
// as spring-graphql's page does, on the endpoint its `path` parameter names.
(() => {
	'use strict';
	const params = new URLSearchParams(window.location.search);
	const url = new URL(params.get('path') || '/graphql', window.location.href).href;
	const fetcher = GraphiQL.createFetcher({ url });
	const xsrfToken = document.cookie.match(/(?:^| )XSRF-TOKEN=([^;]+)/);
	ReactDOM.createRoot(document.getElementById('graphiql')).render(React.createElement(GraphiQL, {
		fetcher,
		defaultEditorToolsVisibility: true,
		shouldPersistHeaders: true,
		defaultHeaders: xsrfToken ? JSON.stringify({ 'X-XSRF-TOKEN': xsrfToken[1] }) : undefined,
	}));
})();
