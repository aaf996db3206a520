// The firms in blocks by their place in Kùzu's node table (offsets are never reused), each
// with a fingerprint that changes whenever a firm in the block is added, deleted or
// rewritten: every write of a firm's facts moves its version on. The search index
// (server/services/firm-search.ts) reloads only the blocks whose fingerprint changed.
// params: $blockSize
// returns: block, firms, versions, offsets
MATCH (f:Firm)
RETURN offset(id(f)) / $blockSize AS block, count(*) AS firms, sum(coalesce(f.version, 1)) AS versions,
       sum(offset(id(f))) AS offsets
