/** Whether the map's side panel is folded away, kept in local storage so it stays so on the next map. */
import { useCallback, useState } from "react";

const KEY = "chainatlas.mapPanelFolded";

export function usePanelFolded(): [boolean, (folded: boolean) => void] {
  const [folded, setFolded] = useState(() => readFolded());
  const update = useCallback((next: boolean) => {
    setFolded(next);
    try {
      if (next) localStorage.setItem(KEY, "1");
      else localStorage.removeItem(KEY);
    } catch {
      // Storage may be off (private windows): the panel still folds for this page.
    }
  }, []);
  return [folded, update];
}

function readFolded(): boolean {
  try {
    return localStorage.getItem(KEY) === "1";
  } catch {
    return false;
  }
}
