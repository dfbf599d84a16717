// The /docs pages' event log: every `parvis-*` event the live examples fire, newest first, with its detail.
// Events bubble and are composed, so one listener on the document hears every widget on the page.
const log = document.querySelector('[data-event-log]');
const empty = document.querySelector('[data-event-log-empty]');

/** The detail as JSON; an `Error` (the `error` of `parvis-error`) keeps its name, code and message. */
function describe(detail) {
  return JSON.stringify(
    detail,
    (_key, value) =>
      value instanceof Error
        ? { name: value.name, message: value.message, code: value.code, status: value.status }
        : value,
    2,
  );
}

function record(event) {
  const item = document.createElement('li');
  const name = document.createElement('code');
  name.textContent = event.type;
  const details = document.createElement('details');
  const summary = document.createElement('summary');
  summary.textContent = 'detail';
  const body = document.createElement('pre');
  body.textContent = describe(event.detail);
  details.append(summary, body);
  item.append(name, ' ', details);
  log.prepend(item);
  if (empty) empty.hidden = true;
}

if (log) {
  for (const name of log.dataset.eventLog.split(' ').filter(Boolean)) document.addEventListener(name, record);
}
