import "@testing-library/jest-dom";
import { setIconOptions } from "@fluentui/react";

// pcf-scripts and pcf-start report usage unless told not to; tests and CI never should.
process.env.PP_TOOLS_TELEMETRY_OPTOUT = "1";

// The platform registers Fluent's icon font; jsdom has none, and the warnings would bury real ones.
setIconOptions({ disableWarnings: true });
