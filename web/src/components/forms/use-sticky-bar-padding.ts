/**
 * Keeps focused fields clear of a bar stuck to the bottom of the viewport (WCAG 2.4.11): the page's
 * scroll-padding-bottom follows the bar's height (it grows when the bar wraps on a phone). Returns
 * a ref callback for the bar, which may appear after the first render.
 */
import { useCallback, useEffect, useRef } from 'preact/hooks';

const PROPERTY = '--sticky-bar-height';

export function useStickyBarPadding<E extends HTMLElement>(): (bar: E | null) => void {
  const observer = useRef<ResizeObserver | null>(null);
  const stop = () => {
    observer.current?.disconnect();
    observer.current = null;
    document.documentElement.style.removeProperty(PROPERTY);
  };
  useEffect(() => stop, []);
  return useCallback((bar: E | null) => {
    stop();
    if (!bar) return;
    const update = () => document.documentElement.style.setProperty(PROPERTY, `${Math.ceil(bar.getBoundingClientRect().height)}px`);
    update();
    observer.current = new ResizeObserver(update);
    observer.current.observe(bar);
  }, []);
}
