// What a React developer writes by hand today: JSX types for the tags this page uses.
import type { HTMLAttributes, RefAttributes } from 'react';
import type { DisputeStore } from '@bihuan/core';

export type ProblemEvent = CustomEvent<{ code: string; message: string }>;

type BihuanProps<Props> = HTMLAttributes<HTMLElement> & RefAttributes<HTMLElement> & Props & { 'onbh-problem'?: (event: ProblemEvent) => void };

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'bh-rate-card': BihuanProps<{ label?: string; numerator?: number; denominator?: number; unit?: string }>;
      'bh-dispute-ledger': BihuanProps<{ store?: DisputeStore }>;
    }
  }
}
