/** `npx tsx seed/check.ts`: validate the sample data and print its counts. */
import { readSample, SampleDataError, summarize } from "./sample.js";

try {
  console.log(summarize(readSample()));
} catch (error) {
  if (!(error instanceof SampleDataError)) throw error;
  console.error(error.message);
  process.exit(1);
}
