/**
 * Answers sent through sendJson (server/routes/http.ts): a kept answer is encoded once and
 * sent again as the same bytes with its ETag; the same object sent as another published
 * shape is checked and encoded for that shape, never sent as the first one's bytes.
 */
import express from "express";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { sendJson } from "../../server/routes/http.js";

const Full = z.object({ id: z.string(), secret: z.string() });
const Public = z.object({ id: z.string() });
const kept = { id: "a", secret: "only for the full shape" };

let url: string;
let close: () => void;
beforeAll(async () => {
  const app = express();
  app.get("/full", (_req, res) => sendJson(res, Full, kept));
  app.get("/public", (_req, res) => sendJson(res, Public, kept));
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
});
afterAll(() => close());

describe("sendJson", () => {
  it("sends a kept answer as the same bytes with the same ETag", async () => {
    const first = await fetch(`${url}/full`);
    const again = await fetch(`${url}/full`);
    expect(await again.text()).toBe(await first.text());
    expect(again.headers.get("etag")).toBe(first.headers.get("etag"));
  });

  it("encodes the same object for each shape it is sent as", async () => {
    expect(await (await fetch(`${url}/full`)).json()).toEqual(kept);
    expect(await (await fetch(`${url}/public`)).json()).toEqual({ id: "a" });
    expect(await (await fetch(`${url}/full`)).json()).toEqual(kept);
  });
});
