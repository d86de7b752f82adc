/**
 * The bound value as the admin and the platform both change it.
 *
 * The rule: a value the platform shows replaces ours unless it is ours already or still on its way to
 * ours — the platform's value when we last agreed, or a value it has read from us since — and another
 * record always replaces it. Once the platform shows our value or the latest it read, we agree again
 * and nothing older is on its way.
 *
 * A new record that gains its id on its first save is the same record, not another one.
 *
 * The platform can only echo what it read through getOutputs, it may show those echoes late and in any
 * order, but never an older one after it has shown the latest it read.
 */
export class BoundValue {
  private current: string;
  /** The platform's value when we last agreed, then every value it has read from us since, oldest first. */
  private onItsWay: string[];
  private record: string | undefined;
  /** Counts the values taken from the platform, so the view can tell them from its own edits. */
  private taken = 0;

  public constructor(initial: string, record?: string) {
    this.current = initial;
    this.onItsWay = [initial];
    this.record = record;
  }

  public get value(): string {
    return this.current;
  }

  public get revision(): number {
    return this.taken;
  }

  /** The admin's edit; false when there is nothing new to report. */
  public edit(value: string): boolean {
    if (value === this.current) return false;
    this.current = value;
    return true;
  }

  /** getOutputs: the platform reads our value, which may now come back to us as an echo. */
  public read(): string {
    if (this.onItsWay[this.onItsWay.length - 1] !== this.current) this.onItsWay.push(this.current);
    return this.current;
  }

  /** What updateView brings; true when it replaced our value. */
  public show(value: string, record?: string): boolean {
    // On a new record's first save the id goes from none to a GUID: what the admin typed meanwhile stays.
    const gainedId = this.record === undefined && record !== undefined;
    const newRecord = record !== this.record && !gainedId;
    this.record = record;
    if (!newRecord) {
      if (value === this.current || value === this.onItsWay[this.onItsWay.length - 1]) {
        this.onItsWay = [value];
        return false;
      }
      if (this.onItsWay.includes(value)) return false;
    }
    this.current = value;
    this.onItsWay = [value];
    this.taken++;
    return true;
  }
}
