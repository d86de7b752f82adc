/** The React every suite in this Jest project must be running on: the one model-driven apps load. */
process.env.EPV_EXPECTED_REACT = "17.0.2";
