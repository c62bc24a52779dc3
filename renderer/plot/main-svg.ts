/**
 * The chart's own <svg>: the figure itself, or (with a title, caption or legend, when Plot wraps it in a
 * <figure>) the largest <svg> inside — a colour legend is an <svg> too, and comes first.
 */
export function mainSvgOf(figure: Element): Element | null {
  if (figure.tagName.toLowerCase() === 'svg') return figure;
  const area = (svg: Element): number => Number(svg.getAttribute('width') ?? 0) * Number(svg.getAttribute('height') ?? 0);
  return [...figure.querySelectorAll('svg')].reduce<Element | null>((best, svg) => (best && area(best) >= area(svg) ? best : svg), null);
}
