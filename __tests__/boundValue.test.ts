import fc from "fast-check";
import { EmailProfileValidator } from "../EmailProfileValidator";
import type { IEmailProfileValidatorProps } from "../EmailProfileValidator/components/EmailProfileValidatorControl";
import { fakeContext } from "./fakeContext";

/**
 * The bound value between the admin and the platform, driven through the real lifecycle: init,
 * updateView, getOutputs, and the onValueChange the control hands its view.
 */
class Harness {
  public readonly control = new EmailProfileValidator();
  public notified = 0;
  private props: IEmailProfileValidatorProps;

  public constructor(initial: string, private recordId = "record-1") {
    this.control.init(fakeContext({ userName: initial, recordId }), () => this.notified++);
    this.show(initial);
  }

  /** updateView as the platform calls it, with its value for the record on the form (any value: hosts hand over numbers too). */
  public show(value: unknown, recordId = this.recordId): void {
    this.recordId = recordId;
    this.props = this.control.updateView(fakeContext({ rawUserName: value, recordId })).props as IEmailProfileValidatorProps;
  }

  /** The platform tears the control down and starts the same instance again on the value it has. */
  public restart(value: string): void {
    this.control.destroy();
    this.control.init(fakeContext({ userName: value, recordId: this.recordId }), () => this.notified++);
    this.show(value);
  }

  public type(value: string): void {
    this.props.onValueChange(value);
  }

  public read(): string {
    return this.control.getOutputs().userName ?? "";
  }

  /** The admin types each value in turn, and the platform reads each one. */
  public typeAndRead(...values: string[]): void {
    for (const value of values) {
      this.type(value);
      this.read();
    }
  }

  public get shown(): string {
    return this.props.value;
  }
}

describe("the bound value: the sequences a review reproduced", () => {
  it("type and revert, the platform repeats, then a form script sets the typed value", () => {
    const h = new Harness("X");
    h.typeAndRead("A", "X");
    h.show("X");
    h.show("A");
    expect([h.shown, h.read()]).toEqual(["A", "A"]);
  });

  it("another record whose value equals what was typed and cleared on the first", () => {
    const h = new Harness("R1");
    h.typeAndRead("typed", "");
    h.show("typed", "record-2");
    expect([h.shown, h.read()]).toEqual(["typed", "typed"]);
  });

  it("only the last echo arrives, then the platform pushes an earlier edit", () => {
    const h = new Harness("");
    h.typeAndRead("A", "B", "A");
    h.show("A");
    h.show("B");
    expect([h.shown, h.read()]).toEqual(["B", "B"]);
  });

  it("the harness's pattern: the old value first, then the echo, keeps the edit and its undo", () => {
    const h = new Harness("contoso\\user");
    h.type("user@contoso.com");
    h.show("contoso\\user");
    h.read();
    h.show("contoso\\user");
    h.show("user@contoso.com");
    expect(h.shown).toBe("user@contoso.com");
    // No value was taken from the platform, so the view keeps its Undo.
    expect(h.control.updateView(fakeContext({ userName: "user@contoso.com", recordId: "record-1" })).props).toMatchObject({ valueRevision: 0 });
  });
});

/** What the platform does, as far as the control can tell: it reads outputs, echoes them, pushes values. */
interface PlatformModel {
  value: string;
  /** Outputs it has read and not yet shown back, oldest first. */
  echoes: string[];
  /** The admin's edit that the platform has not read yet. */
  unread: boolean;
  record: number;
  /** What must be shown once the platform is quiet: the latest edit or the latest genuine change. */
  expected: string;
}

type Command = fc.Command<PlatformModel, Harness>;
const VALUES = ["", "X", "A", "B", "contoso\\jdoe", "jdoe@contoso.com"];
const value = fc.constantFrom(...VALUES);

class Type implements Command {
  public constructor(private readonly next: string) {}
  public check = (): boolean => true;
  public run(model: PlatformModel, h: Harness): void {
    const before = h.notified;
    const changed = this.next !== model.expected;
    h.type(this.next);
    // Every edit is reported, however the instance got here (a restart included).
    if (changed) expect(h.notified).toBe(before + 1);
    if (h.notified > before) model.unread = true;
    model.expected = this.next;
  }
  public toString = (): string => `type(${JSON.stringify(this.next)})`;
}

/** The platform calls getOutputs after a notification, now or later. */
class Read implements Command {
  public check = (model: Readonly<PlatformModel>): boolean => model.unread;
  public run(model: PlatformModel, h: Harness): void {
    model.value = h.read();
    model.echoes.push(model.value);
    model.unread = false;
  }
  public toString = (): string => "read";
}

/** A late or out-of-order echo of an output it read, or only the latest; showing the latest means older ones are done. */
class Echo implements Command {
  public constructor(private readonly pick: number | "latest") {}
  public check = (model: Readonly<PlatformModel>): boolean => model.echoes.length > 0;
  public run(model: PlatformModel, h: Harness): void {
    const at = this.pick === "latest" ? model.echoes.length - 1 : this.pick % model.echoes.length;
    const echoed = model.echoes[at];
    h.show(echoed, recordIdOf(model));
    model.echoes = at === model.echoes.length - 1 ? [] : model.echoes.filter((_, index) => index !== at);
  }
  public toString = (): string => `echo(#${this.pick})`;
}

/** updateView for any other reason (layout, another property): the platform's own value, again. */
class Repeat implements Command {
  public check = (): boolean => true;
  public run(model: PlatformModel, h: Harness): void {
    h.show(model.value, recordIdOf(model));
    model.echoes = [];
  }
  public toString = (): string => "repeat";
}

/** A form script or a refresh sets a value, once the platform has shown its own. */
class Push implements Command {
  public constructor(private readonly next: string) {}
  public check = (model: Readonly<PlatformModel>): boolean => model.echoes.length === 0;
  public run(model: PlatformModel, h: Harness): void {
    if (this.next !== model.value) model.expected = this.next;
    model.value = this.next;
    h.show(this.next, recordIdOf(model));
  }
  public toString = (): string => `push(${JSON.stringify(this.next)})`;
}

/** A form script's setValue(12345): the platform holds a number, which is shown and reported as its text. */
class PushNumber implements Command {
  public constructor(private readonly next: number) {}
  public check = (model: Readonly<PlatformModel>): boolean => model.echoes.length === 0;
  public run(model: PlatformModel, h: Harness): void {
    const text = String(this.next);
    if (text !== model.value) model.expected = text;
    model.value = text;
    h.show(this.next, recordIdOf(model));
  }
  public toString = (): string => `pushNumber(${this.next})`;
}

/** A new record's first save: the platform saves what it read, then shows it again under the record's new id. */
class FirstSave implements Command {
  public check = (model: Readonly<PlatformModel>): boolean => model.record === 0;
  public run(model: PlatformModel, h: Harness): void {
    model.record = 1;
    model.echoes = [];
    h.show(model.value, recordIdOf(model));
  }
  public toString = (): string => "firstSave";
}

/** destroy, then init on the same instance: it starts again on the platform's value, and reports edits again. */
class Restart implements Command {
  public check = (): boolean => true;
  public run(model: PlatformModel, h: Harness): void {
    model.expected = model.value;
    model.echoes = [];
    model.unread = false;
    h.restart(model.value);
  }
  public toString = (): string => "destroy+init";
}

/** Another record opens on the same form, with its own value; what was not read is left behind. */
class SwitchRecord implements Command {
  public constructor(private readonly next: string) {}
  // A new record is left by saving it (FirstSave); a form that opens another record starts with it.
  public check = (model: Readonly<PlatformModel>): boolean => model.record > 0;
  public run(model: PlatformModel, h: Harness): void {
    model.record++;
    model.value = this.next;
    model.echoes = [];
    model.unread = false;
    model.expected = this.next;
    h.show(this.next, recordIdOf(model));
  }
  public toString = (): string => `switchRecord(${JSON.stringify(this.next)})`;
}

const commands = [
  value.map((next) => new Type(next)),
  fc.constant(new Read()),
  fc.nat(8).map((pick) => new Echo(pick)),
  fc.constant(new Echo("latest")),
  fc.constant(new Repeat()),
  value.map((next) => new Push(next)),
  value.map((next) => new SwitchRecord(next)),
  fc.constantFrom(12345, 0, -1.5).map((next) => new PushNumber(next)),
  fc.constant(new FirstSave()),
  fc.constant(new Restart()),
];

/** Record 0 is a new record, which has no id until its first save. */
function recordIdOf(model: Readonly<PlatformModel>): string {
  return model.record === 0 ? "" : `record-${model.record}`;
}

describe("the bound value (model-based)", () => {
  it("once the platform is quiet, shows the latest edit or the platform's latest change, and reports what it shows", () => {
    fc.assert(
      fc.property(value, fc.boolean(), fc.commands(commands, { maxCommands: 30 }), (initial, isNew, sequence) => {
        const model: PlatformModel = { value: initial, echoes: [], unread: false, record: isNew ? 0 : 1, expected: initial };
        const h = new Harness(initial, recordIdOf(model));
        fc.modelRun(() => ({ model, real: h }), sequence);
        // Quiet: the platform reads what is unread, then shows its own value.
        if (model.unread) new Read().run(model, h);
        new Repeat().run(model, h);
        expect([h.shown, h.read()]).toEqual([model.expected, model.expected]);
      }),
      { numRuns: 1000 },
    );
  });
});
