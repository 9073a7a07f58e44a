// @ts-check
// Zoom and pan for the studio's statecharts: Ctrl/⌘ + wheel or a pinch zooms, dragging pans,
// and +, − and "Fit" buttons (and the +, −, 0 and arrow keys on the drawing's box) do the same
// from the keyboard. A drawing starts fitted to the width of its box. It attaches itself to
// every svg.statechart that appears inside a .diagram box, whoever inserts it.
(() => {
  const STEP = 1.25;
  const MAX = 8;

  /**
   * @typedef {{ x: number, y: number, w: number, h: number }} View
   * @typedef {{ svg: SVGSVGElement, full: View, view: View, controls: HTMLElement }} Zoomed
   */

  /** @type {WeakMap<Element, Zoomed>} */
  const attached = new WeakMap();

  /** @param {SVGSVGElement} svg @returns {View} */
  function fullView(svg) {
    const vb = svg.viewBox.baseVal;
    if (vb && vb.width > 0) return { x: vb.x, y: vb.y, w: vb.width, h: vb.height };
    return { x: 0, y: 0, w: Number(svg.getAttribute('width')) || 100, h: Number(svg.getAttribute('height')) || 100 };
  }

  /** @param {Zoomed} z */
  function apply(z) {
    const { x, y, w, h } = z.view;
    z.svg.setAttribute('viewBox', `${round(x)} ${round(y)} ${round(w)} ${round(h)}`);
    const scale = z.full.w / w;
    z.svg.dataset.zoom = String(round(scale));
    const out = /** @type {HTMLButtonElement | null} */ (z.controls.querySelector('[data-zoom="out"]'));
    const inn = /** @type {HTMLButtonElement | null} */ (z.controls.querySelector('[data-zoom="in"]'));
    if (out) out.disabled = scale <= 1.0001;
    if (inn) inn.disabled = scale >= MAX - 0.0001;
  }

  /** @param {number} n */
  const round = (n) => Math.round(n * 100) / 100;

  /** Keeps the view inside the drawing. @param {Zoomed} z @param {View} v @returns {View} */
  function clamp(z, v) {
    const w = Math.min(z.full.w, Math.max(z.full.w / MAX, v.w));
    const h = (w / z.full.w) * z.full.h;
    const x = Math.min(z.full.x + z.full.w - w, Math.max(z.full.x, v.x));
    const y = Math.min(z.full.y + z.full.h - h, Math.max(z.full.y, v.y));
    return { x, y, w, h };
  }

  /**
   * Zooms by `factor` around a point given as a share of the box (0..1 across, 0..1 down).
   * @param {Zoomed} z @param {number} factor @param {number} [fx] @param {number} [fy]
   */
  function zoomBy(z, factor, fx = 0.5, fy = 0.5) {
    const v = z.view;
    const w = v.w / factor,
      h = v.h / factor;
    z.view = clamp(z, { x: v.x + (v.w - w) * fx, y: v.y + (v.h - h) * fy, w, h });
    apply(z);
  }

  /** Pans by a distance in screen pixels. @param {Zoomed} z @param {number} dx @param {number} dy */
  function panBy(z, dx, dy) {
    const r = z.svg.getBoundingClientRect();
    const k = r.width > 0 ? z.view.w / r.width : 1;
    z.view = clamp(z, { ...z.view, x: z.view.x - dx * k, y: z.view.y - dy * k });
    apply(z);
  }

  /** @param {Zoomed} z */
  function reset(z) {
    z.view = { ...z.full };
    apply(z);
  }

  /** @param {string} label @param {string} text @param {string} kind */
  function button(label, text, kind) {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'secondary zoom-button';
    b.dataset.zoom = kind;
    b.setAttribute('aria-label', label);
    b.title = label;
    b.textContent = text;
    return b;
  }

  /**
   * Makes the drawing in `container` zoomable; called again for a new drawing in the same box.
   * @param {HTMLElement} container
   */
  function enableZoom(container) {
    const svg = /** @type {SVGSVGElement | null} */ (container.querySelector('svg.statechart'));
    if (!svg || attached.has(svg)) return;
    container.querySelector(':scope > .zoom-controls')?.remove();
    const controls = document.createElement('div');
    controls.className = 'zoom-controls';
    controls.setAttribute('role', 'toolbar');
    controls.setAttribute('aria-label', 'Zoom the drawing');
    controls.style.cssText =
      'position:sticky;top:0;left:0;z-index:1;display:flex;gap:.3rem;justify-content:flex-end;margin-bottom:.3rem';
    const inn = button('Zoom in', '+', 'in');
    const out = button('Zoom out', '−', 'out');
    const fit = button('Fit to width (reset zoom)', 'Fit', 'fit');
    for (const b of [inn, out, fit]) {
      b.style.cssText = 'margin:0;padding:.15rem .6rem;min-width:2.2rem;font-weight:700';
      controls.append(b);
    }
    container.prepend(controls);
    const full = fullView(svg);
    /** @type {Zoomed} */
    const z = { svg, full, view: { ...full }, controls };
    attached.set(svg, z);
    svg.classList.add('zoomable');
    svg.setAttribute('preserveAspectRatio', 'xMidYMid meet');
    inn.addEventListener('click', () => zoomBy(z, STEP));
    out.addEventListener('click', () => zoomBy(z, 1 / STEP));
    fit.addEventListener('click', () => reset(z));

    svg.addEventListener(
      'wheel',
      (e) => {
        if (!e.ctrlKey && !e.metaKey) return; // a plain wheel scrolls the page
        e.preventDefault();
        const r = svg.getBoundingClientRect();
        zoomBy(z, Math.exp(-e.deltaY / 300), (e.clientX - r.left) / r.width, (e.clientY - r.top) / r.height);
      },
      { passive: false },
    );

    /** @type {Map<number, { x: number, y: number }>} */
    const pointers = new Map();
    let spread = 0;
    const distance = () => {
      const [a, b] = [...pointers.values()];
      return a && b ? Math.hypot(a.x - b.x, a.y - b.y) : 0;
    };
    svg.addEventListener('pointerdown', (e) => {
      if (e.button !== 0) return;
      pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
      spread = distance();
      svg.setPointerCapture(e.pointerId);
      svg.classList.add('panning');
    });
    svg.addEventListener('pointermove', (e) => {
      const last = pointers.get(e.pointerId);
      if (!last) return;
      const now = { x: e.clientX, y: e.clientY };
      pointers.set(e.pointerId, now);
      if (pointers.size >= 2) {
        const d = distance();
        if (spread > 0 && d > 0) {
          const r = svg.getBoundingClientRect();
          const [a, b] = [...pointers.values()];
          if (a && b) zoomBy(z, d / spread, ((a.x + b.x) / 2 - r.left) / r.width, ((a.y + b.y) / 2 - r.top) / r.height);
        }
        spread = d;
      } else panBy(z, now.x - last.x, now.y - last.y);
    });
    /** @param {PointerEvent} e */
    const up = (e) => {
      pointers.delete(e.pointerId);
      spread = distance();
      if (pointers.size === 0) svg.classList.remove('panning');
    };
    svg.addEventListener('pointerup', up);
    svg.addEventListener('pointercancel', up);

    if (!container.dataset.zoomKeys) {
      container.dataset.zoomKeys = 'on';
      container.addEventListener('keydown', (e) => {
        if (e.target !== container) return; // keys on a state or a button are theirs
        const current = container.querySelector('svg.statechart');
        const zz = current && attached.get(current);
        if (!zz) return;
        const moves = /** @type {Record<string, [number, number]>} */ ({
          ArrowLeft: [40, 0],
          ArrowRight: [-40, 0],
          ArrowUp: [0, 40],
          ArrowDown: [0, -40],
        });
        if (e.key === '+' || e.key === '=') zoomBy(zz, STEP);
        else if (e.key === '-' || e.key === '_') zoomBy(zz, 1 / STEP);
        else if (e.key === '0') reset(zz);
        else if (moves[e.key] && zz.view.w < zz.full.w) panBy(zz, ...(moves[e.key] ?? [0, 0]));
        else return;
        e.preventDefault();
      });
    }
    apply(z);
  }

  /** @param {ParentNode} root */
  function scan(root) {
    for (const svg of root.querySelectorAll('.diagram svg.statechart')) {
      const box = svg.closest('.diagram');
      if (box instanceof HTMLElement) enableZoom(box);
    }
  }

  /** @type {Window & { enableZoom?: typeof enableZoom }} */ (window).enableZoom = enableZoom;
  const start = () => {
    scan(document);
    new MutationObserver((records) => {
      if (records.some((r) => r.addedNodes.length > 0)) scan(document);
    }).observe(document.body, { childList: true, subtree: true });
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
