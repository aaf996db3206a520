/** The map view lives in the URL; this hook reads it and writes changes back. */
import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";
import type { MapView } from "../../model/mapView";
import { parseMapView, writeMapView } from "../../model/mapView";

export type UpdateMapView = (change: Partial<MapView> | ((view: MapView) => Partial<MapView>), options?: { push?: boolean }) => void;

export function useMapView(): [MapView, UpdateMapView] {
  const [query, setQuery] = useSearchParams();
  const view = useMemo(() => parseMapView(query), [query]);
  const update = useCallback<UpdateMapView>(
    (change, options) => {
      setQuery(
        (current) => {
          const before = parseMapView(current);
          const next = { ...before, ...(typeof change === "function" ? change(before) : change) };
          // Keep unrelated parameters (e.g. ?lang=en) as they were.
          const written = writeMapView(next);
          for (const [key, value] of current) if (!KNOWN.has(key)) written.set(key, value);
          return written;
        },
        // Selecting and filtering replace the history entry; entering meeting mode adds one.
        { replace: !options?.push },
      );
    },
    [setQuery],
  );
  return [view, update];
}

const KNOWN = new Set(["segment", "expand", "stage", "status", "focus", "meeting", "page", "since"]);
