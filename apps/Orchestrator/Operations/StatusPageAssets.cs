namespace DaprSync.Orchestrator.Operations;

/// <summary>The status page's shell and script, served as they are: neither contains a value.</summary>
internal static class StatusPageAssets
{
    public const string Shell = """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>DaprSync status</title>
        <style>
        body { font-family: system-ui, sans-serif; margin: 1.5rem; }
        table { border-collapse: collapse; margin-bottom: 1rem; }
        th, td { border: 1px solid #ccc; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
        button { margin-right: 0.25rem; }
        #message { min-height: 1.2em; font-weight: bold; }
        </style>
        <script src="/status/app.js" defer></script>
        </head>
        <body>
        <h1>DaprSync status</h1>
        <p id="message" role="status"></p>
        <p><button type="button" data-action="reload">Reload</button>
        <button type="button" data-action="forget-token">Forget token</button></p>
        <div id="status">Loading...</div>
        </body>
        </html>
        """;

    public const string Script = """
        'use strict';
        const tokenKey = 'daprsync-admin-token';

        function show(text) {
          document.getElementById('message').textContent = text;
        }

        function adminToken() {
          let token = sessionStorage.getItem(tokenKey);
          if (!token) {
            token = window.prompt('Admin token of the orchestrator');
            if (token) {
              sessionStorage.setItem(tokenKey, token);
            }
          }
          return token;
        }

        async function send(method, path) {
          const token = adminToken();
          if (!token) {
            show('The status page needs the admin token.');
            return null;
          }
          const response = await fetch(path, { method, headers: { 'Authorization': 'Bearer ' + token } });
          if (response.status === 401) {
            sessionStorage.removeItem(tokenKey);
            show('The admin token was rejected; reload to enter it again.');
            return null;
          }
          return response;
        }

        async function load() {
          const response = await send('GET', '/admin/status');
          if (!response) {
            return;
          }
          if (!response.ok) {
            show('Reading the status failed: HTTP ' + response.status);
            return;
          }
          // The fragment is rendered by the orchestrator with every value HTML-encoded.
          document.getElementById('status').innerHTML = await response.text();
        }

        const part = encodeURIComponent;
        const actions = {
          'retry': b => `/admin/failures/${part(b.dataset.flow)}/${part(b.dataset.record)}/retry`,
          'resolve': b => `/admin/failures/${part(b.dataset.flow)}/${part(b.dataset.record)}/resolve`,
          'retry-flow': b => `/admin/failures/${part(b.dataset.flow)}/retry`,
          'pause': b => `/admin/flows/${part(b.dataset.flow)}/pause`,
          'resume': b => `/admin/flows/${part(b.dataset.flow)}/resume`,
          'run-poller': b => `/admin/pollers/${part(b.dataset.flow)}/run`,
          'replay-dead-letters': () => '/admin/dead-letters/replay',
        };

        document.addEventListener('click', async event => {
          const button = event.target.closest('button[data-action]');
          if (!button) {
            return;
          }
          const action = button.dataset.action;
          if (action === 'reload') {
            await load();
            return;
          }
          if (action === 'forget-token') {
            sessionStorage.removeItem(tokenKey);
            show('Token forgotten.');
            return;
          }
          button.disabled = true;
          const label = button.textContent;
          const response = await send('POST', actions[action](button));
          if (response) {
            const body = await response.json().catch(() => null);
            show(response.ok ? label + ': done' : label + ' failed: ' + (body && body.detail ? body.detail : 'HTTP ' + response.status));
          }
          await load();
        });

        load();
        """;
}
