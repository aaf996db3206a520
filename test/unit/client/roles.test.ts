import { describe, expect, it } from "vitest";
import { abilitiesOf, allows, isRole } from "../../../client/src/model/roles";

describe("roles", () => {
  it("a higher role may do all a lower one may", () => {
    expect(allows("admin", "editor")).toBe(true);
    expect(allows("admin", "viewer")).toBe(true);
    expect(allows("editor", "editor")).toBe(true);
    expect(allows("editor", "admin")).toBe(false);
    expect(allows("viewer", "editor")).toBe(false);
  });

  it("when nobody is logged in, then nothing is allowed", () => {
    expect(allows(null, "viewer")).toBe(false);
    expect(allows(undefined, "viewer")).toBe(false);
    expect(abilitiesOf(null)).toEqual({ edit: false, admin: false });
  });

  it("viewers see no edit controls, editors no admin screens, admins everything", () => {
    expect(abilitiesOf("viewer")).toEqual({ edit: false, admin: false });
    expect(abilitiesOf("editor")).toEqual({ edit: true, admin: false });
    expect(abilitiesOf("admin")).toEqual({ edit: true, admin: true });
  });

  it("recognises the three role names and nothing else", () => {
    expect(["viewer", "editor", "admin"].every(isRole)).toBe(true);
    expect(isRole("root")).toBe(false);
    expect(isRole(null)).toBe(false);
  });
});
