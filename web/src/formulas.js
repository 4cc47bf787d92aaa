// KaTeX sources of every activation f(x) and its derivative f'(x), following the core's
// conventions (at a kink the left branch: relu'(0) = 0, step(0) = 0), and a renderer. KaTeX
// (dist/katex/katex.min.js and its CSS, next to the bundle) loads on the first formula shown.
import { assetUrl } from './bundle-url.js';

let loadingKatex = null;

/** Resolves to KaTeX once its script and stylesheet are in the page (loaded on the first call). */
function loadKatex() {
  if (loadingKatex === null) {
    loadingKatex = new Promise((resolve, reject) => {
      const href = assetUrl('katex/katex.min.css');
      if (![...document.querySelectorAll('link[rel="stylesheet"]')].some((link) => link.href === href)) {
        document.head.append(Object.assign(document.createElement('link'), { rel: 'stylesheet', href }));
      }
      const script = document.createElement('script');
      script.src = assetUrl('katex/katex.min.js');
      script.onload = () => resolve(globalThis.katex);
      script.onerror = () => reject(new Error(`could not load ${script.src}`));
      document.head.append(script);
    });
  }
  return loadingKatex;
}

/** katex.render(tex, element, options) that waits for KaTeX; the latest call per element wins. */
export const katex = {
  render(tex, element, options) {
    const ticket = Symbol('render');
    element.katexTicket = ticket;
    loadKatex().then((loaded) => {
      if (element.katexTicket === ticket) loaded.render(tex, element, options);
    }, (error) => console.error(error));
  },
};

const cases = (...rows) => `\\begin{cases} ${rows.map(([value, when]) => `${value} & ${when}`).join(' \\\\ ')} \\end{cases}`;

/** TeX of f and f' per activation, and `where`: the constants or helper functions they use. */
export const formulas = {
  sigmoid: {
    f: 'f(x) = \\sigma(x) = \\dfrac{1}{1 + e^{-x}}',
    df: "f'(x) = \\sigma(x)\\,\\bigl(1 - \\sigma(x)\\bigr)",
  },
  tanh: {
    f: 'f(x) = \\tanh x = \\dfrac{e^{x} - e^{-x}}{e^{x} + e^{-x}}',
    df: "f'(x) = 1 - \\tanh^{2} x",
  },
  relu: {
    f: `f(x) = \\max(0, x) = ${cases(['x', 'x > 0'], ['0', 'x \\le 0'])}`,
    df: `f'(x) = ${cases(['1', 'x > 0'], ['0', 'x \\le 0'])}`,
  },
  leaky_relu: {
    f: `f(x) = ${cases(['x', 'x > 0'], ['\\alpha x', 'x \\le 0'])}`,
    df: `f'(x) = ${cases(['1', 'x > 0'], ['\\alpha', 'x \\le 0'])}`,
  },
  prelu: {
    f: `f(x) = ${cases(['x', 'x > 0'], ['a x', 'x \\le 0'])}`,
    df: `f'(x) = ${cases(['1', 'x > 0'], ['a', 'x \\le 0'])}`,
  },
  step: {
    f: `f(x) = ${cases(['1', 'x > 0'], ['0', 'x \\le 0'])}`,
    df: "f'(x) = 0 \\quad (x \\ne 0)",
  },
  linear: {
    f: 'f(x) = x',
    df: "f'(x) = 1",
  },
  elu: {
    f: `f(x) = ${cases(['x', 'x > 0'], ['\\alpha\\,(e^{x} - 1)', 'x \\le 0'])}`,
    df: `f'(x) = ${cases(['1', 'x > 0'], ['\\alpha\\, e^{x}', 'x \\le 0'])}`,
  },
  selu: {
    f: `f(x) = \\lambda ${cases(['x', 'x > 0'], ['\\alpha\\,(e^{x} - 1)', 'x \\le 0'])}`,
    df: `f'(x) = \\lambda ${cases(['1', 'x > 0'], ['\\alpha\\, e^{x}', 'x \\le 0'])}`,
    where: ['\\lambda \\approx 1.0507, \\quad \\alpha \\approx 1.6733'],
  },
  softplus: {
    f: 'f(x) = \\ln\\bigl(1 + e^{x}\\bigr)',
    df: "f'(x) = \\sigma(x) = \\dfrac{1}{1 + e^{-x}}",
  },
  gelu: {
    f: 'f(x) = x\\,\\Phi(x)',
    df: "f'(x) = \\Phi(x) + x\\,\\varphi(x)",
    where: [
      '\\Phi(x) = \\tfrac{1}{2}\\Bigl(1 + \\operatorname{erf}\\tfrac{x}{\\sqrt{2}}\\Bigr)',
      '\\varphi(x) = \\tfrac{1}{\\sqrt{2\\pi}}\\, e^{-x^{2}/2}',
    ],
  },
  silu: {
    f: 'f(x) = x\\,\\sigma(x) = \\dfrac{x}{1 + e^{-x}}',
    df: "f'(x) = \\sigma(x) + x\\,\\sigma(x)\\,\\bigl(1 - \\sigma(x)\\bigr)",
  },
  softsign: {
    f: 'f(x) = \\dfrac{x}{1 + |x|}',
    df: "f'(x) = \\dfrac{1}{(1 + |x|)^{2}}",
  },
  hard_sigmoid: {
    f: `f(x) = ${cases(['0', 'x \\le -3'], ['x/6 + 1/2', '-3 < x \\le 3'], ['1', 'x > 3'])}`,
    df: `f'(x) = ${cases(['0', 'x \\le -3'], ['1/6', '-3 < x \\le 3'], ['0', 'x > 3'])}`,
  },
};

/** Renders TeX into `element` (display style, HTML plus MathML for screen readers). */
export function renderFormula(element, tex) {
  katex.render(tex, element, { displayMode: true, throwOnError: false, output: 'htmlAndMathml' });
}
