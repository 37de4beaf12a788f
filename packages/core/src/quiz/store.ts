import { defineStore } from '../store/spec.js';
import { QuizAttemptSchema, QuizSchema } from './schema.js';

/** The quiz store: quizzes (a school's own question sets) and pupils' attempts. */
export const quizStore = /* @__PURE__ */ defineStore({
  name: 'bihuan-quiz',
  collections: {
    quizzes: { schema: QuizSchema, key: 'id' },
    attempts: { schema: QuizAttemptSchema, key: 'id', indexes: { quiz: 'quizId', class: 'className', at: 'at' } },
  },
});
export type QuizStoreSpec = typeof quizStore;
