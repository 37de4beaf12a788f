import { defineElement } from '../../internal/define.js';
import { BhLawQuiz } from './law-quiz.component.js';

export { BhLawQuiz };
defineElement('bh-law-quiz', BhLawQuiz);

declare global {
  interface HTMLElementTagNameMap {
    'bh-law-quiz': BhLawQuiz;
  }
}
