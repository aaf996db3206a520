/** The sample's segments as the classifier sees them. */
import { chainSegments } from "../../eval/chain-segments.js";

export const SEGMENTS = chainSegments();
