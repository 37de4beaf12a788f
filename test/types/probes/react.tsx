// A React 19 host: the generated JSX typings (`@bihuan/widgets/react`) type every bh-* tag's
// properties, attributes and `onbh-…` event props (React 19 listens to `bh-dispute-accepted` for
// `onbh-dispute-accepted`). Every `@ts-expect-error` line is a mistake the typings must refuse.
import type {} from '@bihuan/widgets/react';
import '@bihuan/widgets/rate-card';
import '@bihuan/widgets/dispute-intake';
import '@bihuan/widgets/dispute-case';
import { useRef, type JSX } from 'react';
import { createMemoryStore, disputeStoreSpec, type DisputeItem } from '@bihuan/core';
import type { BhDisputeIntake, DisputeTransitionDetail } from '@bihuan/widgets';

const store = createMemoryStore(disputeStoreSpec);

export function DisputesPage({ onOpen }: { onOpen: (dispute: DisputeItem) => void }): JSX.Element {
  const intake = useRef<BhDisputeIntake>(null);
  return (
    <main lang="zh-CN">
      <bh-rate-card label="综治中心化解率" numerator={406} denominator={425} unit="件" onbh-problem={(e) => console.warn(e.detail.code, e.detail.message)} />
      <bh-dispute-intake
        ref={intake}
        store={store}
        viewerRole="intakeClerk"
        viewer-id="clerk-li"
        className="intake"
        onbh-dispute-accepted={(e) => onOpen(e.detail.dispute)}
        onbh-dispute-refused={(e) => console.info(e.detail.rule, e.detail.message)}
      />
      <bh-dispute-case
        dispute-id="D-2025-0001"
        viewer-role="mediator"
        store={store}
        onbh-dispute-transition={(e) => {
          const detail: DisputeTransitionDetail = e.detail;
          console.info(detail.from, '→', detail.to);
        }}
      />
      {/* @ts-expect-error numerator is a number property, not text */}
      <bh-rate-card numerator="406" denominator={425} />
      {/* @ts-expect-error not a role of the dispute loop (property) */}
      <bh-dispute-intake viewerRole="janitor" />
      {/* @ts-expect-error not a role of the dispute loop (attribute) */}
      <bh-dispute-case viewer-role="janitor" />
      {/* @ts-expect-error the accepted detail has no `disputeId` */}
      <bh-dispute-intake onbh-dispute-accepted={(e) => e.detail.disputeId} />
      {/* @ts-expect-error a misspelled property name */}
      <bh-dispute-case disputeID="D-2025-0001" />
      {/* @ts-expect-error a store must be a Store, not text */}
      <bh-dispute-case store="indexeddb" />
    </main>
  );
}
