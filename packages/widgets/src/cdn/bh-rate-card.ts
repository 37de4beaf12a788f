// The rate card alone, self-contained: what a page that uses only <bh-rate-card> loads.
export * from '../components/rate-card/define.js';
