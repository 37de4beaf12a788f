// tsc alone cannot read single-file components; vue-tsc can. This lets `tsc --noEmit` check the rest.
declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent;
  export default component;
}
