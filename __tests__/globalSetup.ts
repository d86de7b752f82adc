import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { pack } from "../solution/pack";

/**
 * Runs the real `npm run pack` once, before any test: a production build into out/controls (which
 * the browser suite then serves through the harness) and both solution zips into a temporary folder
 * (which the solution suite opens). One build, so parallel suites never race over out/.
 */
export default async function globalSetup(): Promise<void> {
  process.env.PP_TOOLS_TELEMETRY_OPTOUT = "1";
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), "epv-packed-"));
  await pack({ outDir });
  process.env.EPV_PACKED_DIR = outDir;
}
