import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createMemoryStore, disputeStoreSpec } from '@bihuan/core';
import '@bihuan/widgets/rate-card';
import '@bihuan/widgets/dispute-ledger';
import type {} from '@bihuan/widgets/react'; // JSX types for every bh-* tag, generated from the manifest
import type { ProblemDetail } from '@bihuan/widgets';

const store = createMemoryStore(disputeStoreSpec);

function report(event: CustomEvent<ProblemDetail>): void {
  document.getElementById('events')?.append(`${event.type} ${event.detail.code}\n`);
}

function App() {
  return (
    <>
      <bh-rate-card label="综治中心化解率" numerator={406} denominator={425} unit="件"></bh-rate-card>
      {/* React 19 adds `on<event>` props of a custom element as listeners for <event>. */}
      <bh-rate-card id="refused" numerator={5} denominator={3} onbh-problem={report}></bh-rate-card>
      {/* An object goes in as a property, not as the attribute store="[object Object]". */}
      <bh-dispute-ledger store={store}></bh-dispute-ledger>
    </>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
