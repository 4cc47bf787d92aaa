// The script-tag embed: <activation-lab panel="softmax" logits="2,1,0.5"></activation-lab>.
// Each element mounts one panel in its own shadow root (styles isolated both ways, ids scoped),
// keeps its settings in memory (it never touches the page URL or storage) and follows its lang
// attribute or the page's <html lang>. Settings come from attributes named like the setting in
// kebab-case (learningRate -> learning-rate) or from a data-settings JSON object; attributes win.
// The host API (web/src/host-api.js) is offered as DOM events (activation-lab:<type>), methods
// (play, pause, step, reset, setSettings, selectPanel, resetToTeacher) and page messages.
import { t, setLanguage, preferredLanguage, languages, onLanguageChange } from './i18n.js';
import { loadEngine, WebAssemblyUnavailableError } from './core.js';
import { Chart } from './charts.js';
import { assetUrl } from './bundle-url.js';
import { el } from './dom.js';
import { attributeName } from './snippets.js';
import { showNotice } from './notice.js';
import { settingsFromAttributes, hostingFromAttributes } from './element-attributes.js';
import { hostPanel } from './host-panel.js';
import { watchFormulaFonts } from './font-fallback.js';
import { classroomKeys } from './classroom.js';
import { message, parseCommand, originAllowed } from './host-api.js';
import { startElementLesson } from './lesson/element-lesson.js';
import panels from './panels/index.js';

export const tagName = 'activation-lab';

const stylesheets = ['activation-lab.css', 'katex/katex.min.css'];
const stylesheetWait = 4000;

/** The app language for a BCP 47 tag ('zh-Hans' -> 'zh'), or null when there is none for it. */
function languageOf(tag) {
  const code = String(tag ?? '').toLowerCase().split('-')[0];
  return languages.some((l) => l.code === code) ? code : null;
}

/** Adds KaTeX's stylesheet to the document once: fonts declared inside a shadow root are not used. */
function ensureDocumentFonts() {
  const href = assetUrl('katex/katex.min.css');
  if ([...document.querySelectorAll('link[rel="stylesheet"]')].some((link) => link.href === href)) return;
  document.head.append(el('link', { rel: 'stylesheet', href, 'data-activation-lab': 'fonts' }));
}

/** Resolves once every <link> has loaded or failed, or after a few seconds. */
function stylesheetsReady(links) {
  const each = links.map((link) => new Promise((resolve) => {
    link.addEventListener('load', resolve, { once: true });
    link.addEventListener('error', resolve, { once: true });
  }));
  return Promise.race([Promise.all(each), new Promise((resolve) => { setTimeout(resolve, stylesheetWait); })]);
}

/**
 * Starts the responsive sizing of charts whose canvas joined the shadow tree after the chart was
 * made: Chart.js watches only the document for that, so such charts would stay 0 x 0.
 */
function attachCharts(root) {
  for (const canvas of root.querySelectorAll('canvas')) {
    const chart = Chart.getChart(canvas);
    if (!chart || chart.attached || !canvas.isConnected) continue;
    chart.options.responsive = false;
    chart.update('none');
    chart.options.responsive = true;
    chart.update('none');
  }
}

/** The element's class, made on demand: HTMLElement exists only in a page. */
function elementClass() {
  return class ActivationLabElement extends HTMLElement {
    static get observedAttributes() {
      const names = new Set(['panel', 'lang', 'data-settings', 'lesson', 'lesson-src', ...classroomKeys]);
      for (const panel of panels) for (const key of Object.keys(panel.schema)) names.add(attributeName(key));
      return [...names];
    }

    #shadow = null;
    #container = null;
    #shown = null;
    #origins = null;
    #notice = null;
    #panel = null;
    #settings = null;
    #generation = 0;
    #scheduled = false;
    #styles = null;
    #stopLanguage = null;
    #lesson = null;

    /** The panel id shown and a copy of its current settings. */
    get settings() {
      return this.#panel ? { panel: this.#panel.id, ...structuredClone(this.#settings) } : null;
    }

    /** Starts training (panels that train). */
    play() { this.#run({ command: 'play' }); }

    /** Pauses training. */
    pause() { this.#run({ command: 'pause' }); }

    /** Takes `steps` training steps (default 1). */
    step(steps = 1) { this.#run({ command: 'step', steps }); }

    /** Resets training to step 0. */
    reset() { this.#run({ command: 'reset' }); }

    /** Changes some settings ({learningRate: 3}); throws an Error naming any unknown key or invalid value. */
    setSettings(patch) { this.#run({ command: 'set', settings: patch }); }

    /** Shows another panel (its id). */
    selectPanel(id) { this.#run({ command: 'select', panel: id }); }

    /** Goes back to the settings the element started with. */
    resetToTeacher() { this.#shown?.resetToTeacher(); }

    connectedCallback() {
      if (!this.#shadow) this.#build();
      globalThis.addEventListener('message', this.#onMessage);
      this.#schedule();
    }

    disconnectedCallback() {
      globalThis.removeEventListener('message', this.#onMessage);
      this.#generation += 1;
      this.#unmount();
    }

    /** Runs a command from a method; throws when it cannot run. */
    #run(data) {
      const parsed = parseCommand({ protocol: 'activation-lab', version: 1, ...data }, panels.map((p) => p.id));
      if (!this.#shown) throw new Error('activation-lab: the panel is not ready yet (wait for activation-lab:ready)');
      if (!parsed) throw new Error(`activation-lab: ${String(data.command)} needs a string command`);
      if (parsed.rejected) throw new Error(`activation-lab ${data.command}: ${parsed.rejected}`);
      const reason = this.#shown.command(parsed);
      if (reason) throw new Error(`activation-lab ${data.command}: ${reason}`);
    }

    /** Commands posted to the page from an allowed origin (default: the page's own), for this element or all. */
    #onMessage = (event) => {
      if (!this.#shown || !originAllowed(event.origin, this.#origins ?? [globalThis.location.origin])) return;
      if (event.data?.element !== undefined && event.data?.element !== this.id) return;
      const parsed = parseCommand(event.data, panels.map((p) => p.id));
      if (!parsed) return;
      const reason = parsed.rejected ?? this.#shown.command(parsed);
      if (reason) this.#post(message('rejected', this.#panel.id, { command: String(event.data.command).slice(0, 40), reason }));
    };

    /** Dispatches a host message as the DOM event activation-lab:<type>, with the message as detail. */
    #post(data) {
      this.dispatchEvent(new CustomEvent(`activation-lab:${data.type}`, { detail: data, bubbles: true, composed: true }));
    }

    attributeChangedCallback() {
      if (this.isConnected && this.#shadow) this.#schedule();
    }

    #build() {
      this.#shadow = this.attachShadow({ mode: 'open' });
      const links = stylesheets.map((name) => el('link', { rel: 'stylesheet', href: assetUrl(name) }));
      this.#styles = stylesheetsReady(links);
      this.#container = el('div', { className: 'lab-element' });
      this.#shadow.append(...links, this.#container);
      new MutationObserver((mutations) => {
        if (mutations.some((m) => [...m.addedNodes].some((node) => node.nodeType === Node.ELEMENT_NODE))) attachCharts(this.#container);
      }).observe(this.#container, { childList: true, subtree: true });
      ensureDocumentFonts();
      watchFormulaFonts(() => {
        this.#container.classList.add('formula-fonts-blocked');
        showNotice(this.#container, { rejected: [], fonts: true }, this.#panel ?? panels[0]);
      });
    }

    #schedule() {
      if (this.#scheduled) return;
      this.#scheduled = true;
      queueMicrotask(() => {
        this.#scheduled = false;
        if (this.isConnected) this.#start();
      });
    }

    #unmount() {
      this.#lesson?.destroy();
      this.#lesson = null;
      this.#shown?.destroy();
      this.#shown = null;
      this.#notice?.destroy();
      this.#notice = null;
      this.#stopLanguage?.();
      this.#stopLanguage = null;
    }

    #status(kind, text) {
      return el('p', { className: kind === 'error' ? 'lab-status status-error' : 'lab-status', role: kind === 'error' ? 'alert' : 'status', text });
    }

    async #start() {
      const generation = ++this.#generation;
      this.#unmount();
      const asked = this.getAttribute('panel') ?? '';
      const panel = panels.find((p) => p.id === asked) ?? panels[0];
      const { settings, rejected, unknown } = settingsFromAttributes(this, panel);
      const hosting = hostingFromAttributes(this, panel);
      this.#origins = hosting.origins;
      const tag = this.getAttribute('lang') ?? this.parentElement?.closest('[lang]')?.getAttribute('lang')
        ?? document.documentElement.getAttribute('lang');
      let stringsError = null;
      const starting = setLanguage(languageOf(tag) ?? preferredLanguage()).catch((error) => { stringsError = error; });
      this.#panel = panel;
      this.#settings = settings;
      this.dataset.state = 'loading';
      const root = el('div', { className: 'panel-root' });
      this.#container.replaceChildren(this.#status('loading', t('app.loading')), root);
      const problems = {
        rejected: rejected.length > 0 ? [{ panel, keys: rejected }] : [], unknown, tooLong: false, lang: false, embed: false, section: false,
        panelName: panel.id === asked ? null : asked.slice(0, 40), panelIds: panels.map((p) => p.id),
        classroom: hosting.classroomUnknown.length > 0 ? [{ panel, keys: hosting.classroomUnknown }] : [], origins: hosting.badOrigins,
        strings: null,
      };
      let engine;
      try {
        [engine] = await Promise.all([loadEngine(), this.#styles, starting]);
      } catch (error) {
        if (generation !== this.#generation) return;
        const missing = error instanceof WebAssemblyUnavailableError;
        if (!missing) console.error(error);
        const explain = () => this.#container.replaceChildren(this.#status('error',
          missing ? t('app.noWebAssembly') : t('app.startFailed', { message: error.message })));
        explain();
        this.#stopLanguage = onLanguageChange(explain);
        this.dataset.state = 'error';
        return;
      }
      if (generation !== this.#generation) return;
      const reset = el('button', { type: 'button', className: 'embed-reset', text: t('sharing.resetTeacher') });
      reset.addEventListener('click', () => this.resetToTeacher());
      this.#stopLanguage = onLanguageChange(() => { reset.textContent = t('sharing.resetTeacher'); });
      this.#container.replaceChildren(el('div', { className: 'lab-element-bar' }, [reset]), root);
      problems.strings = stringsError?.message ?? null;
      this.#notice = showNotice(this.#container, problems, panel);
      this.#mountPanel(root, engine, panel, settings, hosting.classroom);
      const lessonValue = this.getAttribute('lesson');
      const lessonSrc = this.getAttribute('lesson-src');
      if (lessonValue !== null || lessonSrc !== null) {
        const host = el('div', { className: 'lesson-host' });
        root.before(host);
        this.#lesson = startElementLesson(host, {
          engine, panels, value: lessonValue, src: lessonSrc,
          show: (step, hooks) => this.#mountPanel(root, engine, panels.find((p) => p.id === step.panel), step.settings, step.classroom, hooks),
        });
      }
      this.dataset.state = 'ready';
    }

    /** Mounts `panel` in `root` for the host API; hooks {onSettings, onStatus} follow it for a lesson step. */
    #mountPanel(root, engine, panel, settings, classroom, hooks = {}) {
      this.#shown?.destroy();
      this.#panel = panel;
      this.#settings = structuredClone(settings);
      this.#shown = hostPanel(root, {
        engine, panel, settings, classroom,
        save: (next) => {
          this.#settings = next;
          hooks.onSettings?.(next);
        },
        post: (data) => this.#post(data),
        select: (id) => this.setAttribute('panel', id),
        failed: (error) => {
          console.error(error);
          root.replaceChildren(this.#status('error', t('app.panelFailed', { message: error.message })));
        },
        onStatus: hooks.onStatus,
      });
    }
  };
}

/** Registers <activation-lab> once (pages only: a Worker has no custom elements). */
export function defineActivationLabElement() {
  const registry = globalThis.customElements;
  if (!registry || registry.get(tagName)) return;
  registry.define(tagName, elementClass());
}
