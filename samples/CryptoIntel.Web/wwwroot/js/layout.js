// The header shared by the three pages (navigation, live badge) and a clock in the footer.
import { h } from './format.js';

const pages = [
  ['/', 'Market', 'main'],
  ['/intelligence.html', 'Intelligence', 'intelligence'],
  ['/enhanced.html', 'Enhanced', 'enhanced'],
];

export function layout(current) {
  const header = h('header', { class: 'top' },
    h('h1', {}, h('span', {}, 'Crypto'), 'Intel'),
    h('nav', { class: 'pages', 'aria-label': 'Dashboards' },
      pages.map(([href, text, key]) => h('a', { href, 'aria-current': key === current ? 'page' : null }, text))),
    h('span', { class: 'live', 'data-mode': 'connecting', role: 'status' }, 'connecting'));
  document.body.prepend(header);
  const footer = h('footer', {}, 'CryptoIntel · data refreshes live · ', h('a', { href: '/scalar' }, 'API reference'));
  document.body.append(footer);
}
