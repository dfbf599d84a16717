// The page's own script: a button opens the consultation in a modal dialog,
// whose news item is added the first time it opens.
document.getElementById('open-consultation').addEventListener('click', () => {
  const dialog = document.getElementById('consultation');
  const slot = document.getElementById('news-slot');
  if (!slot.hasChildNodes()) slot.append(document.getElementById('news').content.cloneNode(true));
  dialog.showModal();
});
