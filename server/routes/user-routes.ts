/** Managing users: admins only. A password the server makes up is shown once, in the answer. */
import { Router } from "express";
import { z } from "zod";
import type { GraphStore } from "../graph/store.js";
import { createUser, listUsers, randomPassword, updateUser } from "../accounts/accounts.js";
import { currentUser, requireRole } from "../accounts/authenticate.js";
import { AppError } from "../errors.js";
import { NewUserInput, UserChangeInput, UserList, UserWithPassword, Username } from "../model/accounts.js";
import { parseInput, sendJson } from "./http.js";

const UserParams = z.object({ username: Username });

export function userRoutes(store: GraphStore): Router {
  const router = Router();
  router.use("/users", requireRole("admin"));

  router.get("/users", async (_req, res) => sendJson(res, UserList, await listUsers(store)));

  router.post("/users", async (req, res) => {
    const input = parseInput(NewUserInput, req.body, "body");
    const password = input.password ?? randomPassword();
    const user = await createUser(store, { ...input, password }, currentUser(res).username);
    res.status(201);
    sendJson(res, UserWithPassword, input.password ? { user } : { user, password });
  });

  router.patch("/users/:username", async (req, res) => {
    const { username } = parseInput(UserParams, req.params, "params");
    const change = parseInput(UserChangeInput, req.body, "body");
    const actor = currentUser(res);
    // An admin cannot lock themself out: no self-demotion or self-disabling.
    if (username === actor.username && ((change.role && change.role !== "admin") || change.disabled))
      throw new AppError("forbidden", 403, "不能停用自己或降低自己的权限；请让另一位管理员操作");
    const password = change.resetPassword ? randomPassword() : undefined;
    const user = await updateUser(store, username, { version: change.version, role: change.role, disabled: change.disabled, password }, actor.username);
    sendJson(res, UserWithPassword, password ? { user, password } : { user });
  });

  return router;
}
