import "@testing-library/jest-dom";

// pcf-scripts and pcf-start report usage unless told not to; tests and CI never should.
process.env.PP_TOOLS_TELEMETRY_OPTOUT = "1";
