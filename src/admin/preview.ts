/**
 * The snippet builder's preview: a page of its own in an iframe, where the
 * real widget loads from this server's `parvis.js` exactly as on a city's
 * page. A page of its own, because widgets speak one language per page.
 */
import { choiceFromQuery, fallbackOf, themeStylesheet, widgetElement } from './snippet/snippet.js';

const choice = choiceFromQuery(new URLSearchParams(location.search));
document.documentElement.lang = choice.lang;

const stylesheet = themeStylesheet(choice.theme, location.origin);
if (stylesheet) {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = stylesheet;
  document.head.append(link);
}
// A dark theme is for dark pages: the preview page turns dark with it.
document.documentElement.dataset.theme = choice.theme;

const { tag, attributes } = widgetElement(choice);
const widget = document.createElement(tag);
for (const [name, value] of attributes) widget.setAttribute(name, value);
const fallback = fallbackOf(choice);
if (fallback) {
  const text = document.createElement(fallback.href ? 'a' : 'p');
  text.textContent = fallback.text;
  if (fallback.href) text.setAttribute('href', fallback.href);
  widget.append(text);
}
document.querySelector('main')!.append(widget);

const script = document.createElement('script');
script.type = 'module';
script.src = '/parvis.js';
document.head.append(script);

// The console sizes the frame to the widget, which grows and shrinks as people use it.
new ResizeObserver(() => {
  parent.postMessage({ parvisPreviewHeight: document.documentElement.scrollHeight }, location.origin);
}).observe(document.body);
