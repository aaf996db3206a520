import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { ApiError, getJson } from "../../../client/src/api/client";

const request = { path: "/api/zones", schema: z.array(z.object({ id: z.string() })) };

function answerWith(body: BodyInit | ReadableStream, status = 200) {
  vi.stubGlobal("fetch", vi.fn(async () => new Response(body, { status, headers: { "Content-Type": "application/json" } })));
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe("getJson", () => {
  it("gives back an answer that has the expected shape", async () => {
    answerWith(JSON.stringify([{ id: "z1" }]));
    expect(await getJson(request)).toEqual([{ id: "z1" }]);
  });

  it("reports an answer of the wrong shape as a bad response", async () => {
    answerWith(JSON.stringify({ id: 1 }));
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    await expect(getJson(request)).rejects.toMatchObject({ kind: "bad-response" });
    expect(logged).toHaveBeenCalledOnce();
  });

  it("when the screen is left while the body is still arriving, then the read ends as an abort, not as a bad response", async () => {
    const controller = new AbortController();
    const body = new ReadableStream<Uint8Array>({
      start(stream) {
        stream.enqueue(new TextEncoder().encode('[{"id":'));
        controller.signal.addEventListener("abort", () => stream.error(new DOMException("aborted", "AbortError")));
      },
    });
    answerWith(body);
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const answer = getJson(request, controller.signal);
    controller.abort();
    const error = await answer.catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(ApiError);
    expect((error as Error).name).toBe("AbortError");
    expect(logged).not.toHaveBeenCalled();
  });
});
