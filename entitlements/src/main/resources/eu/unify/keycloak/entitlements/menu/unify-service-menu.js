/*
 * <unify-service-menu>: the Unify service menu, served by Keycloak at /realms/{realm}/unify/menu.js.
 *
 *   <script type="module" src="https://sso.example/realms/unify-demo/unify/menu.js"></script>
 *   <unify-service-menu current="shop"></unify-service-menu>
 *   <script> document.querySelector('unify-service-menu').tokenProvider = () => keycloak.token; </script>
 *
 * It reads the signed-in user's services and customer numbers from /realms/{realm}/unify/services with the
 * app's access token (the app's client needs its origin under "Web origins") and lists them as links: opening
 * another service signs the user in there through their Keycloak session, without a new login.
 *
 * Attributes: current (client id of this app, highlighted), realm-url (default: where this script came from).
 * Properties: token (an access token) or tokenProvider (a function returning a token or a promise of one).
 * Event: "unify-services-loaded" with detail = the JSON answer. Styling: CSS parts list, item, link, icon,
 * customer-numbers, and custom properties --unify-menu-accent, --unify-menu-font.
 */
const scriptUrl = new URL(import.meta.url);
const defaultRealmUrl = scriptUrl.href.replace(/\/unify\/menu\.js(\?.*)?$/, '');

const style = `
:host { display: block; font: var(--unify-menu-font, inherit); }
ul { list-style: none; margin: 0; padding: 0; }
li { margin: 0; }
a { display: flex; align-items: center; gap: .5em; padding: .4em .6em; color: inherit; text-decoration: none; border-radius: 4px; }
a:hover, a:focus-visible { background: rgba(0, 0, 0, .06); }
li.current a { font-weight: 600; border-left: 3px solid var(--unify-menu-accent, #0b5394); }
img { width: 1.25em; height: 1.25em; }
.customer-numbers { margin: .5em .6em 0; font-size: .875em; opacity: .8; }
.status { padding: .4em .6em; opacity: .8; }
`;

function safeUrl(value) {
  try {
    const url = new URL(value, document.baseURI);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch (e) {
    return null;
  }
}

class UnifyServiceMenu extends HTMLElement {
  static get observedAttributes() { return ['current', 'realm-url']; }

  constructor() {
    super();
    this.attachShadow({ mode: 'open' });
    this._token = null;
    this._tokenProvider = null;
    this._data = null;
  }

  set token(value) { this._token = value; this.refresh(); }
  get token() { return this._token; }
  set tokenProvider(fn) { this._tokenProvider = fn; this.refresh(); }
  get tokenProvider() { return this._tokenProvider; }
  get services() { return this._data ? this._data.services : []; }

  connectedCallback() {
    // An app's inline script usually runs before this module (module scripts are deferred), so it sets token or
    // tokenProvider on the element before the element is upgraded: such an own property would hide the setter for
    // good. Take it over (the setters' refresh is the one below).
    for (const name of ['token', 'tokenProvider']) {
      if (Object.prototype.hasOwnProperty.call(this, name)) {
        const value = this[name];
        delete this[name];
        this['_' + name] = value;
      }
    }
    this.refresh();
  }

  attributeChangedCallback() { if (this._data) { this.render(); } }

  async refresh() {
    if (!this.isConnected) { return; }
    const token = this._tokenProvider ? await this._tokenProvider() : this._token;
    if (!token) { this.status(''); return; }
    const base = this.getAttribute('realm-url') || defaultRealmUrl;
    try {
      const response = await fetch(base + '/unify/services', {
        headers: { Authorization: 'Bearer ' + token, Accept: 'application/json' },
        credentials: 'omit'
      });
      if (response.status === 401) {
        // The token is no longer valid (expired, signed out): the app decides (refresh it, or sign in again).
        this.status('');
        this.dispatchEvent(new CustomEvent('unify-token-rejected', { bubbles: true }));
        return;
      }
      if (!response.ok) { this.status(''); return; }
      this._data = await response.json();
      this.render();
      this.dispatchEvent(new CustomEvent('unify-services-loaded', { detail: this._data, bubbles: true }));
    } catch (e) {
      this.status('');
    }
  }

  status(text) {
    this.shadowRoot.replaceChildren(this.styleElement());
    if (text) {
      const p = document.createElement('p');
      p.className = 'status';
      p.textContent = text;
      this.shadowRoot.append(p);
    }
  }

  styleElement() {
    const element = document.createElement('style');
    element.textContent = style;
    return element;
  }

  render() {
    const data = this._data || { services: [], customerNumbers: [] };
    const current = this.getAttribute('current');
    const nav = document.createElement('nav');
    nav.setAttribute('aria-label', data.company && data.company.name ? data.company.name : 'Services');
    const list = document.createElement('ul');
    list.setAttribute('part', 'list');
    for (const service of data.services || []) {
      const item = document.createElement('li');
      item.setAttribute('part', 'item');
      item.dataset.clientId = service.clientId;
      if (service.clientId === current) { item.className = 'current'; }
      const url = safeUrl(service.url);
      const link = document.createElement(url ? 'a' : 'span');
      link.setAttribute('part', 'link');
      if (url) { link.href = url; }
      if (service.clientId === current) { link.setAttribute('aria-current', 'page'); }
      const icon = safeUrl(service.icon);
      if (icon) {
        const img = document.createElement('img');
        img.setAttribute('part', 'icon');
        img.src = icon;
        img.alt = '';
        link.append(img);
      }
      const name = document.createElement('span');
      name.textContent = service.name;
      if (service.description) { link.title = service.description; }
      link.append(name);
      item.append(link);
      list.append(item);
    }
    nav.append(list);
    this.shadowRoot.replaceChildren(this.styleElement(), nav);
    if ((data.customerNumbers || []).length) {
      const numbers = document.createElement('p');
      numbers.className = 'customer-numbers';
      numbers.setAttribute('part', 'customer-numbers');
      numbers.textContent = data.customerNumbers.join(', ');
      this.shadowRoot.append(numbers);
    }
  }
}

if (!customElements.get('unify-service-menu')) {
  customElements.define('unify-service-menu', UnifyServiceMenu);
}
