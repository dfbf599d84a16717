// The page's own script. Parvis events bubble out of the widgets and reach
// the document: one listener serves every widget of the page.

/** Before a vote is sent (cancelable): a page could hold it back, here it only notes it. */
document.addEventListener('parvis-vote', (event) => {
  console.info(`Vote about to be sent for ${event.detail.pollId}:`, event.detail.choices);
});

/** After the server accepted the vote: the page shows what comes next. */
document.addEventListener('parvis-voted', (event) => {
  if (event.detail.pollId !== 'parc-des-tilleuls') return;
  document.getElementById('next-step').hidden = false;
});

/** The widget already tells the citizen; the page may log it for its webmaster. */
document.addEventListener('parvis-error', (event) => {
  console.warn(`Parvis: ${event.detail.operation} failed (${event.detail.code})`);
});
