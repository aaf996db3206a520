import { describe, expect, it } from "vitest";
import { fieldDetails, fieldPath, splitFieldErrors } from "../../../client/src/model/fieldErrors";

describe("API field errors on a form", () => {
  it("turns the API's field into the form's name path", () => {
    expect(fieldPath("body.weights.size")).toEqual(["weights", "size"]);
    expect(fieldPath("query.minCapital")).toEqual(["minCapital"]);
    expect(fieldPath("farKm")).toEqual(["farKm"]);
  });

  it("puts each message at its field and the rest above the form", () => {
    const details = [
      { field: "body.farKm", message: "farKm must be greater than nearKm" },
      { field: "body.weights", message: "at least one weight must be above 0" },
      { field: "body.id", message: "bad id" },
      { field: "body.farKm", message: "too large" },
    ];
    const { byField, general } = splitFieldErrors(details, new Set(["farKm", "weights"]));
    expect(byField.get("farKm")).toEqual(["farKm must be greater than nearKm", "too large"]);
    expect(byField.get("weights")).toEqual(["at least one weight must be above 0"]);
    expect(general).toEqual(["id: bad id"]);
  });

  it("ignores details that are not a list of {field, message}", () => {
    expect(fieldDetails(null)).toEqual([]);
    expect(fieldDetails({ current: {} })).toEqual([]);
    expect(fieldDetails([{ field: 1 }, { field: "a", message: "b" }])).toEqual([{ field: "a", message: "b" }]);
  });
});
