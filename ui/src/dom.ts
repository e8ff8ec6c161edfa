// A tiny DOM builder: no framework, no innerHTML (so no markup injection and nothing for the
// strict CSP to refuse).

/** An event handler of any event type (`never`: each handler names the event it takes). */
type Handler = (e: never) => unknown;
type Attrs = Record<string, string | number | boolean | null | undefined | Handler>;
type Child = Node | string | number | null | undefined | false | Child[];

function append(el: Element, c: Child): void {
  if (c === null || c === undefined || c === false) return;
  if (Array.isArray(c)) c.forEach((x) => append(el, x));
  else el.append(c instanceof Node ? c : String(c));
}

function apply(el: Element, attrs: Attrs): void {
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on') && typeof v === "function") el.addEventListener(k.slice(2), v as EventListener);
    // Styles through the CSSOM: the strict CSP refuses style attributes, not style properties.
    else if (k === 'style' && typeof v === 'string' && 'style' in el)
      for (const decl of v.split(';')) {
        const at = decl.indexOf(':');
        if (at > 0) (el as HTMLElement).style.setProperty(decl.slice(0, at).trim(), decl.slice(at + 1).trim());
      }
    else if (k === 'value' && 'value' in el) (el as HTMLInputElement).value = String(v);
    else if (k === 'checked' && 'checked' in el) (el as HTMLInputElement).checked = Boolean(v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
}

export function h(tag: string, attrs: Attrs = {}, ...children: Child[]): HTMLElement {
  const el = document.createElement(tag);
  apply(el, attrs);
  append(el, children);
  return el;
}

const SVG = 'http://www.w3.org/2000/svg';
export function s(tag: string, attrs: Attrs = {}, ...children: Child[]): SVGElement {
  const el = document.createElementNS(SVG, tag);
  apply(el, attrs);
  append(el, children);
  return el;
}
