/** The size of an element as it changes (a callback ref to attach, and the latest size). */
import { useCallback, useRef, useState } from "react";

export interface ElementSize {
  width: number;
  height: number;
}

export function useElementSize(): [(element: HTMLElement | null) => void, ElementSize | null] {
  const [size, setSize] = useState<ElementSize | null>(null);
  const observer = useRef<ResizeObserver | null>(null);
  const ref = useCallback((element: HTMLElement | null) => {
    observer.current?.disconnect();
    observer.current = null;
    if (!element) return;
    const measure = () => {
      const { width, height } = element.getBoundingClientRect();
      // Whole pixels: sub-pixel jitter must not lay the map out again.
      const next = { width: Math.round(width), height: Math.round(height) };
      setSize((current) => (current && current.width === next.width && current.height === next.height ? current : next));
    };
    measure();
    observer.current = new ResizeObserver(measure);
    observer.current.observe(element);
  }, []);
  return [ref, size];
}
