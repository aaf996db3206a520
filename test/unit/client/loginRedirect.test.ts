import { describe, expect, it } from "vitest";
import { currentLocation, loginPath, safeNext } from "../../../client/src/model/loginRedirect";

describe("where to go after logging in", () => {
  it("follows a path inside the app, with its query and hash", () => {
    expect(safeNext("/zones/lingyuan/chains/steel?panel=gaps")).toBe("/zones/lingyuan/chains/steel?panel=gaps");
    expect(safeNext("/lists/abc#entry")).toBe("/lists/abc#entry");
  });

  it("when next is missing, then the overview", () => {
    expect(safeNext(null)).toBe("/");
    expect(safeNext(undefined)).toBe("/");
    expect(safeNext("")).toBe("/");
  });

  it("never leaves the app: other sites, protocol-relative and backslash tricks go to the overview", () => {
    for (const next of ["https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)", "evil.example", "/x\\y", "/a\u0000b"]) expect(safeNext(next)).toBe("/");
  });

  it("never loops back to the login page", () => {
    expect(safeNext("/login")).toBe("/");
    expect(safeNext("/login?next=/lists")).toBe("/");
  });

  it("the login link carries where the person was, encoded; the overview needs none", () => {
    expect(loginPath("/zones/lingyuan/chains/steel?panel=gaps")).toBe("/login?next=%2Fzones%2Flingyuan%2Fchains%2Fsteel%3Fpanel%3Dgaps");
    expect(loginPath("/")).toBe("/login");
    expect(loginPath("https://evil.example")).toBe("/login");
    expect(safeNext(new URLSearchParams(loginPath("/lists?zone=lingyuan").split("?")[1]).get("next"))).toBe("/lists?zone=lingyuan");
  });

  it("the current location is path, query and hash", () => {
    expect(currentLocation({ pathname: "/firms/x", search: "?a=1", hash: "#h" })).toBe("/firms/x?a=1#h");
  });
});
