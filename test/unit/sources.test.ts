import { describe, expect, it } from "vitest";
import { sourceLabel } from "../../server/model/sources.js";

const documents = [{ fileName: "001_642bc7a68ccb0aa6.txt", title: "谱写红山脚下辉煌乐章" }];

describe("sources in words", () => {
  it("shows a document by its title, wherever its file name stands in the source", () => {
    expect(sourceLabel("001_642bc7a68ccb0aa6.txt", documents)).toBe("《谱写红山脚下辉煌乐章》");
    expect(sourceLabel("001_642bc7a68ccb0aa6.txt（凌源的中国建材）；所属集团据公开信息", documents)).toBe("《谱写红山脚下辉煌乐章》（凌源的中国建材）；所属集团据公开信息");
    // A file the graph has no title for stays as it is.
    expect(sourceLabel("009_unknown.txt", documents)).toBe("009_unknown.txt");
  });

  it("says public information and an editor's entry in Chinese, and leaves them be in English", () => {
    expect(sourceLabel("public information", documents)).toBe("公开资料");
    expect(sourceLabel("entered by wang.wu", documents)).toBe("wang.wu 录入");
    expect(sourceLabel("public information", documents, "en")).toBe("public information");
    expect(sourceLabel("企查查导出 2026-11", documents)).toBe("企查查导出 2026-11");
  });
});
