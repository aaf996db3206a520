/** `npx tsx seed/check.ts`: validate the sample data and print its counts. */
import { mentionCounts, readSample, SampleDataError, summarize } from "./sample.js";

try {
  console.log(summarize(readSample()));
  console.log("Named in each source document and found in the sample (firms, projects, zone chains, leaders; what the sample leaves out):");
  console.table(mentionCounts());
} catch (error) {
  if (!(error instanceof SampleDataError)) throw error;
  console.error(error.message);
  process.exit(1);
}
