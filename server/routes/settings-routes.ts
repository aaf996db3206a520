/** The exchange-rate table: everyone reads it (capital figures refer to it), admins change it. */
import { Router } from "express";
import type { GraphStore } from "../graph/store.js";
import { currentUser, requireRole } from "../accounts/authenticate.js";
import { ExchangeRateTable } from "../model/api.js";
import { getExchangeRates, putExchangeRates } from "../services/settings.js";
import { parseInput, sendJson } from "./http.js";

export function settingsRoutes(store: GraphStore): Router {
  const router = Router();

  router.get("/settings/exchange-rates", async (_req, res) => sendJson(res, ExchangeRateTable, { rates: await getExchangeRates(store) }));

  router.put("/settings/exchange-rates", requireRole("admin"), async (req, res) => {
    const { rates } = parseInput(ExchangeRateTable, req.body, "body");
    sendJson(res, ExchangeRateTable, { rates: await putExchangeRates(store, rates, currentUser(res).username) });
  });

  return router;
}
