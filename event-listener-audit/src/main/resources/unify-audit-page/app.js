// The audit trail page: signs in with the realm's public client (authorization code with PKCE), keeps the token in
// memory only, and reads the admin REST API /admin/realms/{realm}/unify-audit/ with it. Read only.
(function () {
  'use strict';
  var config = JSON.parse(document.getElementById('unify-audit-config').textContent);
  var texts = config.texts;
  var PAGE = 50;
  var STATE_KEY = 'unify-audit-pkce';
  var token = null;
  var first = 0;
  var status = document.getElementById('status');

  function text(key, values) {
    var value = texts[key] || key;
    (values || []).forEach(function (v, i) { value = value.split('{' + i + '}').join(String(v)); });
    return value;
  }

  function say(message) {
    status.textContent = message;
  }

  /** An error the page has already told the user about (its message stays). */
  function told(what) {
    var error = new Error(what);
    error.told = true;
    return error;
  }

  function base64url(bytes) {
    var binary = '';
    bytes.forEach(function (b) { binary += String.fromCharCode(b); });
    return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  function random(length) {
    return base64url(crypto.getRandomValues(new Uint8Array(length)));
  }

  async function signIn() {
    var verifier = random(48);
    var state = random(16);
    var digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
    sessionStorage.setItem(STATE_KEY, JSON.stringify({ verifier: verifier, state: state }));
    var params = new URLSearchParams({
      client_id: config.clientId, redirect_uri: config.page, response_type: 'code', scope: 'openid',
      code_challenge: base64url(new Uint8Array(digest)), code_challenge_method: 'S256', state: state,
      ui_locales: config.locale
    });
    location.assign(config.auth + '?' + params.toString());
  }

  async function exchange(code, state) {
    var saved = JSON.parse(sessionStorage.getItem(STATE_KEY) || 'null');
    sessionStorage.removeItem(STATE_KEY);
    if (!saved || saved.state !== state) {
      return null;
    }
    var response = await fetch(config.token, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code', code: code, redirect_uri: config.page, client_id: config.clientId,
        code_verifier: saved.verifier
      })
    });
    if (!response.ok) {
      return null;
    }
    return response.json();
  }

  function filters() {
    var form = document.getElementById('filters');
    var params = new URLSearchParams();
    ['from', 'to', 'type', 'user', 'client'].forEach(function (name) {
      var value = form.elements[name].value.trim();
      if (value) {
        params.set(name, value);
      }
    });
    return params;
  }

  async function api(path, params) {
    var response = await fetch(config.api + path + (params ? '?' + params.toString() : ''), {
      headers: { Authorization: 'Bearer ' + token }
    });
    if (response.status === 401) {
      await signIn();
      throw told('signing in again');
    }
    if (response.status === 403) {
      say(text('forbidden'));
      document.getElementById('app').hidden = true;
      throw told('forbidden');
    }
    if (response.status === 400) {
      say(text('invalid'));
      throw told('invalid');
    }
    if (!response.ok) {
      say(text('failed'));
      throw told('failed');
    }
    return response;
  }

  function cell(row, value, className) {
    var td = document.createElement('td');
    td.textContent = value == null ? '' : value;
    if (className) {
      td.className = className;
    }
    row.appendChild(td);
  }

  async function load() {
    say(text('loading'));
    var params = filters();
    params.set('first', String(first));
    params.set('max', String(PAGE));
    var page = await (await api('records', params)).json();
    var body = document.querySelector('#records tbody');
    body.replaceChildren();
    page.records.forEach(function (r) {
      var row = document.createElement('tr');
      cell(row, r.time ? r.time.replace('T', ' ').replace(/\.\d+Z$/, 'Z') : '');
      cell(row, r.type);
      cell(row, text('outcome-' + r.outcome) + (r.error ? ' (' + r.error + ')' : ''),
        r.outcome === 'FAILURE' ? 'failure' : null);
      cell(row, r.username || r.userId);
      cell(row, r.clientId);
      cell(row, r.ipAddress);
      cell(row, r.hash ? r.seq : text('waiting'));
      body.appendChild(row);
    });
    document.getElementById('range').textContent = page.records.length === 0 ? text('none')
      : text('range', [first + 1, first + page.records.length]);
    document.getElementById('newer').disabled = first === 0;
    document.getElementById('older').disabled = !page.hasMore;
    say('');
  }

  async function verify() {
    var report = await (await api('verify')).json();
    var verdict = document.getElementById('verdict');
    verdict.replaceChildren();
    var line = document.createElement('p');
    if (report.valid) {
      line.textContent = text('verify-ok', [report.checked, report.sealed.firstSeq == null ? 0 : report.sealed.firstSeq,
        report.sealed.lastSeq == null ? 0 : report.sealed.lastSeq]);
      line.className = 'ok';
    } else {
      line.textContent = text('verify-broken', [report.brokenAt.seq]);
      line.className = 'broken';
    }
    verdict.appendChild(line);
    if (report.unsealed > 0) {
      var waiting = document.createElement('p');
      waiting.textContent = text('verify-waiting', [report.unsealed, report.oldestUnsealedAgeSeconds]);
      verdict.appendChild(waiting);
    }
  }

  async function download(format) {
    var params = filters();
    params.set('format', format);
    var response = await api('export', params);
    var blob = await response.blob();
    var disposition = response.headers.get('Content-Disposition') || '';
    var match = /filename="([^"]+)"/.exec(disposition);
    var link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = match ? match[1] : 'unify-audit.' + format;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
  }

  function guard(action) {
    return function (event) {
      if (event) {
        event.preventDefault();
      }
      action().catch(function () { /* already said on the page */ });
    };
  }

  async function start() {
    if (!config.clientExists) {
      say(text('no-client', [config.clientId]));
      return;
    }
    var query = new URLSearchParams(location.search);
    if (query.get('error')) {
      say(text('failed'));
      return;
    }
    if (!query.get('code')) {
      await signIn();
      return;
    }
    var tokens = await exchange(query.get('code'), query.get('state'));
    history.replaceState(null, '', config.page);
    if (!tokens) {
      await signIn();
      return;
    }
    token = tokens.access_token;
    var signOut = document.getElementById('sign-out');
    signOut.href = config.logout + '?' + new URLSearchParams({
      client_id: config.clientId, id_token_hint: tokens.id_token || '', post_logout_redirect_uri: config.page
    }).toString();
    signOut.hidden = false;
    document.getElementById('app').hidden = false;
    var form = document.getElementById('filters');
    form.addEventListener('submit', guard(function () { first = 0; return load(); }));
    form.addEventListener('reset', function () { setTimeout(guard(function () { first = 0; return load(); }), 0); });
    document.getElementById('newer').addEventListener('click', guard(function () {
      first = Math.max(0, first - PAGE);
      return load();
    }));
    document.getElementById('older').addEventListener('click', guard(function () { first += PAGE; return load(); }));
    document.getElementById('verify').addEventListener('click', guard(verify));
    document.getElementById('export-csv').addEventListener('click', guard(function () { return download('csv'); }));
    document.getElementById('export-jsonl').addEventListener('click', guard(function () { return download('jsonl'); }));
    await load();
  }

  start().catch(function (error) {
    if (!error || !error.told) {
      say(text('failed'));
    }
  });
}());
