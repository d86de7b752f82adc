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

  /** updateView as the platform calls it, with its value for the record on the form. */
  public show(value: string, recordId = this.recordId): void {
    this.recordId = recordId;
    this.props = this.control.updateView(fakeContext({ userName: value, recordId })).props as IEmailProfileValidatorProps;
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
    h.type(this.next);
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
    h.show(echoed, `record-${model.record}`);
    model.echoes = at === model.echoes.length - 1 ? [] : model.echoes.filter((_, index) => index !== at);
  }
  public toString = (): string => `echo(#${this.pick})`;
}

/** updateView for any other reason (layout, another property): the platform's own value, again. */
class Repeat implements Command {
  public check = (): boolean => true;
  public run(model: PlatformModel, h: Harness): void {
    h.show(model.value, `record-${model.record}`);
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
    h.show(this.next, `record-${model.record}`);
  }
  public toString = (): string => `push(${JSON.stringify(this.next)})`;
}

/** Another record opens on the same form, with its own value; what was not read is left behind. */
class SwitchRecord implements Command {
  public constructor(private readonly next: string) {}
  public check = (): boolean => true;
  public run(model: PlatformModel, h: Harness): void {
    model.record++;
    model.value = this.next;
    model.echoes = [];
    model.unread = false;
    model.expected = this.next;
    h.show(this.next, `record-${model.record}`);
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
];

describe("the bound value (model-based)", () => {
  it("once the platform is quiet, shows the latest edit or the platform's latest change, and reports what it shows", () => {
    fc.assert(
      fc.property(value, fc.commands(commands, { maxCommands: 30 }), (initial, sequence) => {
        const model: PlatformModel = { value: initial, echoes: [], unread: false, record: 1, expected: initial };
        const h = new Harness(initial);
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
