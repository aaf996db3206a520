/** The read API, one function per endpoint, each with the schema of its answer. */
import type { z } from "zod";
import { ChainGaps, ChainList, ChainMap, FirmDetail, SearchResults, TargetRanking, ZoneDetail, ZoneList } from "../../../server/model/api";
import type { ApiRequest } from "./client";

const id = encodeURIComponent;

export const api = {
  zones: (): ApiRequest<z.infer<typeof ZoneList>> => ({ path: "/api/zones", schema: ZoneList }),
  zone: (zoneId: string): ApiRequest<ZoneDetail> => ({ path: `/api/zones/${id(zoneId)}`, schema: ZoneDetail }),
  chains: (): ApiRequest<z.infer<typeof ChainList>> => ({ path: "/api/chains", schema: ChainList }),
  chainMap: (zoneId: string, chainId: string): ApiRequest<ChainMap> => ({
    path: `/api/zones/${id(zoneId)}/chains/${id(chainId)}/map`,
    schema: ChainMap,
  }),
  /** Gap diagnosis of a chain in a zone: status reasons in words, flags, filling projects. */
  chainGaps: (zoneId: string, chainId: string): ApiRequest<ChainGaps> => ({
    path: `/api/zones/${id(zoneId)}/chains/${id(chainId)}/gaps`,
    schema: ChainGaps,
  }),
  /** The best candidate firms elsewhere for one segment, with the reason for each. */
  segmentTargets: (zoneId: string, chainId: string, segmentId: string, limit: number): ApiRequest<TargetRanking> => ({
    path: `/api/zones/${id(zoneId)}/chains/${id(chainId)}/targets?segment=${id(segmentId)}&limit=${limit}`,
    schema: TargetRanking,
  }),
  firm: (firmId: string): ApiRequest<FirmDetail> => ({ path: `/api/firms/${id(firmId)}`, schema: FirmDetail }),
  search: (query: string): ApiRequest<SearchResults> => ({
    path: `/api/search?q=${encodeURIComponent(query)}`,
    schema: SearchResults,
  }),
};
