/**
 * The one component that owns Cytoscape: a container ref, one init effect that returns
 * cy.destroy(), then one effect per concern (style, elements, selection, search focus,
 * events, size). Elements come with their positions from the pure layout, so the canvas
 * never runs a layout of its own and a map never reshuffles.
 */
import cytoscape from "cytoscape";
import { forwardRef, useEffect, useImperativeHandle, useRef, useState } from "react";
import type { ReactNode } from "react";
import { segmentsStyle } from "../../model/elements";
import type { MapElements, MapNodeData } from "../../model/elements";
import type { Box } from "../../model/layout";
import { fitZoom } from "../../model/meeting";
import type { Palette } from "../../model/palette";
import { chainMapStyle } from "./cyStyle";

declare global {
  interface Window {
    /** The live Cytoscape instance, for end-to-end tests and for debugging in the console. */
    __cy?: cytoscape.Core;
  }
}

export interface ChainMapCanvasHandle {
  fit(): void;
}

interface Props {
  elements: MapElements;
  palette: Palette;
  /** Changes when another map (or the same in another mode) is shown: the view fits anew. */
  mapKey: string;
  selected: string | null;
  focus: readonly string[];
  onSelect(id: string | null): void;
  onToggleExpand(segmentId: string): void;
  renderTooltip(node: MapNodeData): ReactNode;
  /** What the picture shows, for screen readers (the segment list beside it is the keyboard path). */
  label: string;
}


interface Hover {
  data: MapNodeData;
  x: number;
  y: number;
}

export const ChainMapCanvas = forwardRef<ChainMapCanvasHandle, Props>(function ChainMapCanvas(props, ref) {
  const { elements, palette, mapKey, selected, focus } = props;
  const containerRef = useRef<HTMLDivElement>(null);
  const cyRef = useRef<cytoscape.Core | null>(null);
  const fittedKey = useRef<string | null>(null);
  const bounds = useRef<Box>(elements.layout.bounds);
  bounds.current = elements.layout.bounds;
  const handlers = useRef(props);
  handlers.current = props;
  const [hover, setHover] = useState<Hover | null>(null);

  useEffect(function initCytoscape() {
    const cy = cytoscape({
      container: containerRef.current,
      layout: { name: "preset" },
      minZoom: 0.05,
      maxZoom: 3,
      // Positions belong to the layout: nobody drags boxes around during a meeting.
      autoungrabify: true,
      boxSelectionEnabled: false,
      selectionType: "single",
    });
    cyRef.current = cy;
    window.__cy = cy;
    return () => {
      if (window.__cy === cy) delete window.__cy;
      cyRef.current = null;
      fittedKey.current = null;
      cy.destroy();
    };
  }, []);

  useEffect(
    function applyStyle() {
      cyRef.current?.style(chainMapStyle(palette));
    },
    [palette],
  );

  useEffect(
    function replaceElements() {
      const cy = cyRef.current;
      if (!cy) return;
      cy.batch(() => {
        cy.elements().remove();
        cy.add([...elements.nodes, ...elements.edges]);
      });
      // Bends are relative to the nodes' centres, which Cytoscape derives for expanded segments.
      cy.batch(() => {
        cy.edges().forEach((edge) => {
          edge.style(segmentsStyle(edge.data("points"), edge.source().position(), edge.target().position()));
        });
      });
      if (fittedKey.current !== mapKey) {
        fitMap(cy, bounds.current);
        fittedKey.current = mapKey;
      }
      const container = containerRef.current!;
      container.dataset.segmentCount = String(cy.nodes(".segment").length);
      container.dataset.mapKey = mapKey;
      container.dataset.ready = "true";
    },
    [elements, mapKey],
  );

  useEffect(
    function syncSelection() {
      const cy = cyRef.current;
      if (!cy) return;
      cy.nodes(":selected").unselect();
      if (selected) cy.getElementById(selected).select();
    },
    [selected, elements],
  );

  const focusKey = focus.join(",");
  useEffect(
    function centreOnSearchHits() {
      const cy = cyRef.current;
      if (!cy) return;
      cy.nodes(".highlight").removeClass("highlight");
      let hits = cy.collection();
      for (const id of focusKey ? focusKey.split(",") : []) hits = hits.union(cy.getElementById(id));
      if (hits.empty()) return;
      hits.addClass("highlight");
      cy.fit(hits, 160);
      if (cy.zoom() > 1.2) {
        cy.zoom(1.2);
        cy.center(hits);
      }
    },
    // Elements only matter when the map itself changes, not on every expand.
    [focusKey, mapKey],
  );

  useEffect(function forwardEvents() {
    const cy = cyRef.current;
    if (!cy) return;
    const segmentOf = (data: MapNodeData) => (data.kind === "firm" ? data.segmentId! : data.id);
    cy.on("tap", (event) => {
      if (event.target === cy) handlers.current.onSelect(null);
    });
    cy.on("tap", "node", (event) => handlers.current.onSelect(segmentOf(event.target.data())));
    cy.on("dbltap", "node.segment, node.firm", (event) => handlers.current.onToggleExpand(segmentOf(event.target.data())));
    cy.on("mouseover", "node", (event) => {
      const position = event.target.renderedPosition();
      setHover({ data: event.target.data(), x: position.x, y: position.y });
    });
    cy.on("mouseout", "node", () => setHover(null));
    cy.on("viewport remove", () => setHover(null));
    return () => {
      cy.removeAllListeners();
    };
  }, []);

  useEffect(function followContainerSize() {
    const container = containerRef.current!;
    const observer = new ResizeObserver(() => {
      const cy = cyRef.current;
      if (!cy) return;
      cy.resize();
      fitMap(cy, bounds.current);
    });
    observer.observe(container);
    return () => observer.disconnect();
  }, []);

  useImperativeHandle(
    ref,
    () => ({
      fit() {
        if (cyRef.current) fitMap(cyRef.current, bounds.current);
      },
    }),
    [],
  );

  return (
    <div className="chain-map-canvas-wrap">
      <div
        ref={containerRef}
        className="chain-map-canvas"
        role="img"
        aria-label={props.label}
        data-testid="chain-map-canvas"
        style={{ background: palette.background }}
      />
      {hover && (
        <div className="chain-map-tooltip" role="tooltip" data-testid="chain-map-tooltip" style={{ left: hover.x + 16, top: hover.y + 12 }}>
          {props.renderTooltip(hover.data)}
        </div>
      )}
    </div>
  );
});

/**
 * Fits the map from the layout's own bounds: the same result as cy.fit(), without asking
 * Cytoscape to measure every label (a third of a second on a 2,000-element map).
 */
function fitMap(cy: cytoscape.Core, bounds: Box): void {
  const width = cy.width();
  const height = cy.height();
  if (!width || !height || !bounds.width || !bounds.height) return;
  const zoom = fitZoom(bounds, { width, height });
  cy.viewport({
    zoom,
    pan: {
      x: (width - bounds.width * zoom) / 2 - bounds.x * zoom,
      y: (height - bounds.height * zoom) / 2 - bounds.y * zoom,
    },
  });
}
