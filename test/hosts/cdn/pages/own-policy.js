// What a host's own lit, bundled without our files, does when it loads first.
window.trustedTypes.createPolicy('lit-html', { createHTML: (s) => s });
