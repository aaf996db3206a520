/**
 * The state of one versioned edit: the values the form was opened with, the version to
 * send, and — after a stale write — the conflict: the current record is loaded under the
 * person's own changes, which are kept, and the fields others changed are named.
 */
import { useCallback, useState } from "react";
import type { Rebased } from "../../model/conflict";
import { rebaseEdits } from "../../model/conflict";
import { changedValues } from "../../model/editForms";

export interface EditConflict<F> extends Rebased<F> {
  /** The record as it is now, in form values. */
  current: F;
  version: number;
}

export function useVersionedEdit<F extends object>(fields: readonly (keyof F)[]) {
  const [base, setBase] = useState<{ values: F; version: number } | null>(null);
  const [conflict, setConflict] = useState<EditConflict<F> | null>(null);

  /** Opens the edit on a record as loaded. */
  const start = useCallback((values: F, version: number) => {
    setBase({ values, version });
    setConflict(null);
  }, []);

  /** The changed fields to send, with the version they are based on. */
  const changes = useCallback(
    (edited: F): { version: number; values: Partial<F> } | null => (base ? { version: base.version, values: changedValues(base.values, edited, fields) } : null),
    [base, fields],
  );

  /**
   * A stale write: the person's edits go on top of `current`, which becomes the new base.
   * Returns the values the form shows now.
   */
  const rebase = useCallback(
    (edited: F, current: F, version: number): F => {
      const from = base?.values ?? current;
      const result = rebaseEdits(from, edited, current, fields);
      setBase({ values: current, version });
      setConflict({ ...result, current, version });
      return result.draft;
    },
    [base, fields],
  );

  return { base, conflict, start, changes, rebase, clearConflict: () => setConflict(null) };
}
