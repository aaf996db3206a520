/**
 * The authoring format of the sample data in seed/chaoyang/*.json: nested where people
 * write it that way (segments inside their chain, leaders inside their zone), with
 * defaults for what is usually unknown. `readSample()` turns it into the flat domain
 * records the store loads, and checks every reference.
 */
import { z } from "zod";
import {
  Chain,
  Firm,
  FirmTag,
  Id,
  IsoDate,
  BelongsToKind,
  Project,
  RegionCode,
  RegionGroup,
  Segment,
  Source,
  Uscc,
  Zone,
} from "../server/model/domain.js";

export const SegmentEntry = Segment.omit({ chainId: true, position: true, source: true }).extend({
  source: Source.optional(),
});

/** An analyst's note on what a chain's map covers and what it deliberately leaves out. */
export const ChainScope = z.object({
  covers: z.string().min(20, "写明这条链覆盖的环节（至少 20 个字）"),
  leavesOut: z.string().min(10, "写明这条链不包括什么（至少 10 个字）"),
});

export const ChainEntry = Chain.extend({
  scope: ChainScope,
  segments: z.array(SegmentEntry).min(1),
  /** [from, to] segment ids; `from` may belong to another chain. */
  feeds: z.array(z.tuple([Id, Id])),
});

export const ZoneEntry = Zone.extend({
  /** At most four: the policy says 主导产业一般不超过 3 个, and 柳城's documents name four. */
  chains: z.array(Id).min(1).max(4),
  leaders: z.array(z.object({ chainId: Id, firmId: Id, source: Source })),
});

export const FirmEntry = Firm.omit({ sample: true }).extend({
  uscc: Uscc.nullable().default(null),
  aliases: z.array(z.string().min(1)).default([]),
  zoneId: Id.nullable().default(null),
  capital: z.number().nonnegative().nullable().default(null),
  foundedOn: IsoDate.nullable().default(null),
  staff: z.number().int().nonnegative().nullable().default(null),
  revenue: z.number().nonnegative().nullable().default(null),
  tags: z.array(FirmTag).default([]),
  asOf: IsoDate.nullable().default(null),
  attributes: z.record(z.string(), z.string()).default({}),
  /** The firm this one is a subsidiary (子公司) or branch (分公司/分厂) of, with where that is said. */
  parent: z.object({ firmId: Id, kind: BelongsToKind, source: Source }).nullable().default(null),
  segments: z
    .array(
      z.object({
        segmentId: Id,
        products: z.string().default(""),
        capacity: z.string().default(""),
        confidence: z.number().min(0).max(1).default(0.9),
        /** Where the link itself is said, when not in the firm's own source (products from public information). */
        source: Source.optional(),
      }),
    ),
});

/** A project of a firm whose segment no document names (a furniture plant) builds no segment. */
export const ProjectEntry = Project.extend({ segmentIds: z.array(Id) });

export const SupplyEntry = z.object({ from: Id, to: Id, product: z.string(), source: Source });

const Mention = z.object({ text: z.string().min(1) });

/**
 * What each source document names (as the document spells it), resolved to the sample's
 * records: the check proves each is in the sample, in its zone, so nothing drops out unseen.
 * `notInSample` lists what a document names that the sample leaves out, and why.
 */
export const DocumentMentions = z.record(
  z.string().regex(/^[\w.-]+\.txt$/, "键为 sources/ 下的文件名"),
  z.object({
    firms: z.array(Mention.extend({ firmId: Id, zoneId: Id.nullable() })),
    projects: z.array(Mention.extend({ projectId: Id })),
    chains: z.array(Mention.extend({ chainId: Id, zoneId: Id.nullable() })),
    leaders: z.array(Mention.extend({ firmId: Id, chainId: Id, zoneId: Id })),
    notInSample: z.array(Mention.extend({ why: z.string().min(1) })),
  }),
);

export const SampleFiles = {
  "region-groups.json": z.array(RegionGroup),
  "chains.json": z.array(ChainEntry),
  "zones.json": z.array(ZoneEntry),
  "firms-local.json": z.array(FirmEntry),
  "firms-pool.json": z.array(FirmEntry),
  "supplies.json": z.array(SupplyEntry),
  "projects.json": z.array(ProjectEntry),
  "document-mentions.json": DocumentMentions,
} as const;

export type ChainEntry = z.infer<typeof ChainEntry>;
export type ZoneEntry = z.infer<typeof ZoneEntry>;
export type FirmEntry = z.infer<typeof FirmEntry>;
export type SupplyEntry = z.infer<typeof SupplyEntry>;
export type DocumentMentions = z.infer<typeof DocumentMentions>;
export { RegionCode };
