import * as React from "react";
import * as ReactDOM from "react-dom";
import { render, screen } from "@testing-library/react";
import { EmailProfileValidatorControl } from "../EmailProfileValidator/components/EmailProfileValidatorControl";
import { controlProps } from "./components/renderControl";

/** Each Jest project really runs the React it says: 16.14.0 as declared, 17.0.2 as model-driven apps load it. */
describe("the React this suite runs on", () => {
  const expected = process.env.EPV_EXPECTED_REACT ?? "16.14.0";

  it(`is React ${expected}, with the matching React DOM`, () => {
    expect([React.version, ReactDOM.version]).toEqual([expected, expected]);
  });

  it("renders the control and its advice on it", () => {
    render(<EmailProfileValidatorControl {...controlProps({ value: "contoso\\jdoe" })} />);
    expect(screen.getByRole("button", { name: /^Use jdoe@contoso\.com/ })).toBeInTheDocument();
  });
});
