#!/usr/bin/env node
/**
 * npm's `preversion` hook: refuses a version the platform cannot load before npm commits or tags it.
 * A control's manifest version and a solution's version are numbers only (x.y.z); pre-release tags
 * such as 1.0.1-beta.0 are refused at import.
 */
const RELEASE = /^\d+\.\d+\.\d+$/;

/** @param {string | undefined} version */
function versionProblem(version) {
  if (version === undefined || version === "") return undefined;
  return RELEASE.test(version)
    ? undefined
    : `Version ${version} cannot be used: the control manifest and the Dataverse solution take x.y.z only (no pre-release or build tags). Use npm version patch, minor or major.`;
}

if (require.main === module) {
  const problem = versionProblem(process.env.npm_new_version);
  if (problem) {
    console.error(problem);
    process.exitCode = 1;
  }
}

module.exports = { versionProblem };
