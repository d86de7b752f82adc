import fc from "fast-check";
import { act, cleanup, fireEvent, screen } from "@testing-library/react";
import { LOOKUP_DELAY_MS } from "../../EmailProfileValidator/components/useAdvice";
import { createDirectory } from "../../EmailProfileValidator/directory";
import { recordingWebApi } from "../directory/fakeWebApi";
import { renderControl } from "./renderControl";

/** Any string, with halves of surrogate pairs and the characters the rules care about mixed in. */
const hostile = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: fc.constantFrom("a", "@", "\\", ".", "\ud83d", "\ude00", "\u200b", "%", "'", "<", ">", "mailto:", "%E2%80%8B", "\u3000"), maxLength: 20 }),
);

describe("hostile values never break the field", () => {
  it("the rendered control never throws and the directory never rejects, on any string (property-based)", async () => {
    jest.useFakeTimers();
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown): void => void rejections.push(reason);
    process.on("unhandledRejection", onRejection);
    try {
      await fc.assert(
        fc.asyncProperty(hostile, hostile, fc.constantFrom(0, 3, 4), async (initial, typed, serverType) => {
          const webApi = recordingWebApi();
          const directory = createDirectory(webApi);
          try {
            renderControl({ value: initial, directory, settings: { serverType, credentialRetrieval: 1 }, lastTestResponse: initial });
            fireEvent.change(screen.getByRole("textbox"), { target: { value: typed } });
            await act(async () => void (await jest.advanceTimersByTimeAsync(LOOKUP_DELAY_MS)));
            // An <input> drops line breaks from its value (HTML's value sanitization), whatever the control does.
            expect(screen.getByRole("textbox")).toHaveValue(typed.replace(/[\r\n]/g, ""));
            await expect(directory.lookUp(typed)).resolves.toHaveProperty("status");
          } finally {
            cleanup();
          }
        }),
        { numRuns: 150 },
      );
    } finally {
      process.off("unhandledRejection", onRejection);
      jest.useRealTimers();
    }
    expect(rejections).toEqual([]);
  });
});
