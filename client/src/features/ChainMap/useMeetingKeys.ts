/**
 * Meeting mode's keys: ←/→ step through the zone's chains, ↑/↓ (and Page Up/Down, as a
 * presenter's clicker sends) through a map's stage pages, Esc leaves (also when leaving full screen).
 */
import { useEffect, useRef } from "react";

export function useMeetingKeys(active: boolean, actions: { onStep(step: 1 | -1): void; onPage(step: 1 | -1): void; onLeave(): void }): void {
  const latest = useRef(actions);
  latest.current = actions;

  useEffect(() => {
    if (!active) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.target instanceof HTMLInputElement || event.altKey || event.ctrlKey || event.metaKey) return;
      if (event.key === "ArrowRight") latest.current.onStep(1);
      else if (event.key === "ArrowLeft") latest.current.onStep(-1);
      else if (event.key === "ArrowDown" || event.key === "PageDown") latest.current.onPage(1);
      else if (event.key === "ArrowUp" || event.key === "PageUp") latest.current.onPage(-1);
      else if (event.key === "Escape") latest.current.onLeave();
      else return;
      event.preventDefault();
    };
    // The browser takes Esc to leave full screen before the page sees it.
    let wasFullscreen = Boolean(document.fullscreenElement);
    const onFullscreenChange = () => {
      if (wasFullscreen && !document.fullscreenElement) latest.current.onLeave();
      wasFullscreen = Boolean(document.fullscreenElement);
    };
    window.addEventListener("keydown", onKey);
    document.addEventListener("fullscreenchange", onFullscreenChange);
    return () => {
      window.removeEventListener("keydown", onKey);
      document.removeEventListener("fullscreenchange", onFullscreenChange);
    };
  }, [active]);
}
