/** What every document layout is given besides its record. */
export interface DocumentOptions {
  /** The issuing body, as printed on the seal line (振兴区人民调解委员会). */
  readonly org: string;
}
