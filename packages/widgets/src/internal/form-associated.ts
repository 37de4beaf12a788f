import { BihuanElement } from './bihuan-element.js';

/**
 * Base of a widget that takes part in a host `<form>` (form-associated custom element): it
 * attaches `ElementInternals` and exposes the standard form-control surface — `form`, `validity`,
 * `validationMessage`, `willValidate`, `checkValidity()` — so that a subclass only sets its value
 * and validity (`this.internals.setFormValue`, `this.internals.setValidity`) and implements
 * `formResetCallback` / `formDisabledCallback` as it needs.
 */
export class FormAssociatedElement extends BihuanElement {
  static formAssociated = true;

  protected readonly internals: ElementInternals;

  constructor() {
    super();
    this.internals = this.attachInternals();
  }

  /** The host form this widget belongs to. */
  get form(): HTMLFormElement | null {
    return this.internals.form;
  }
  get validity(): ValidityState {
    return this.internals.validity;
  }
  get validationMessage(): string {
    return this.internals.validationMessage;
  }
  get willValidate(): boolean {
    return this.internals.willValidate;
  }
  /** Whether the value is valid, without showing anything. */
  checkValidity(): boolean {
    return this.internals.checkValidity();
  }
}
