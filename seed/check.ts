/** `npx tsx seed/check.ts`: validate the sample data and print its counts. */
import { mentionCounts, poolDepth, POOL_DEPTH, readSample, SampleDataError, summarize } from "./sample.js";

try {
  const sample = readSample();
  console.log(summarize(sample));
  console.log("Named in each source document and found in the sample (firms, projects, zone chains, leaders; what the sample leaves out):");
  console.table(mentionCounts());
  console.log(
    `The pool for each zone × leading chain: firms outside the zone across the chain's gap segments (at least ${POOL_DEPTH.outside}), ` +
      `how many in 京津冀 (at least ${POOL_DEPTH.inJingJinJi} unless the chain says why not), and how many with a known registered capital:`,
  );
  console.table(poolDepth(sample));
} catch (error) {
  if (!(error instanceof SampleDataError)) throw error;
  console.error(error.message);
  process.exit(1);
}
