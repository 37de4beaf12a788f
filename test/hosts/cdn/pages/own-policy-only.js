// The portal's own code under `trusted-types portal-policy`: its policy works, and core's exports
// from the script-tag file stay usable although lit may not make its "lit-html" policy here.
const portal = trustedTypes.createPolicy('portal-policy', { createHTML: (s) => s });
document.getElementById('events').append(`portal-policy ${portal.createHTML('ok')}\n`);
const src = new URL(location.href).searchParams.get('bundle') ?? '/static/bihuan.js';
const { formatRate } = await import(src);
document.getElementById('events').append(`core ${formatRate(406, 425)}\n`);
