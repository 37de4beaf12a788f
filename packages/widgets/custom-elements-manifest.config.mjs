// The manifest the catalog's docs and IDEs read. Lit's `state: true` properties are internal
// (declared private in the classes), but the analyzer lists them as attributes: drop those.
export default {
  globs: ['src/components/**/*.component.ts', 'src/internal/bihuan-element.ts', 'src/internal/form-associated.ts'],
  litelement: true,
  plugins: [
    {
      name: 'bihuan-internal-state-is-not-an-attribute',
      packageLinkPhase({ customElementsManifest }) {
        for (const mod of customElementsManifest.modules) {
          for (const declaration of mod.declarations ?? []) {
            if (!declaration.attributes) continue;
            const internal = new Set(
              (declaration.members ?? []).filter((m) => m.privacy === 'private' || m.privacy === 'protected').map((m) => m.name),
            );
            declaration.attributes = declaration.attributes.filter((a) => !internal.has(a.fieldName));
          }
        }
      },
    },
  ],
};
