// The README's "With a bundler" blocks, verbatim (test/hosts/hosts.test.ts checks they match).
import '@bihuan/widgets/rate-card';          // registers <bh-rate-card> only: a page pays for what it uses
import '@bihuan/widgets/dispute-ledger';     // every widget has its own entry: '@bihuan/widgets/<name>'
import '@bihuan/widgets';                    // or every widget
import { BhRateCard } from '@bihuan/widgets/classes'; // classes without registering any tag
import './theme.css';

if (customElements.get('bh-rate-card') !== BhRateCard) throw new Error('<bh-rate-card> is not the class @bihuan/widgets/classes exports');

document.addEventListener('bh-problem', (event) => {
  const { code, message } = event.detail;  // typed: every bh-* event is in the DOM's event maps
  console.warn(`bihuan: ${code}: ${message}`);
});

// The host's own record of what reached it, read by the test.
document.addEventListener('bh-problem', (event) => {
  const { code } = event.detail;
  document.getElementById('events')?.append(`${event.type} ${code}\n`);
});
