// Overview: fetches its live part again every few seconds while the tab is shown, and replaces it
// only when it changed. Without JavaScript the page reloads itself (a refresh in a noscript).
document.addEventListener('DOMContentLoaded', () => {
  const live = document.getElementById('overview-live');
  if (!live || !live.dataset.src || !window.fetch) {
    return;
  }
  const INTERVAL = 4000;
  const words = (element) => element.textContent.replace(/\s+/g, ' ').trim();
  let busy = false;
  const load = () => {
    if (document.hidden || busy) {
      return;
    }
    busy = true;
    fetch(live.dataset.src, { credentials: 'same-origin', headers: { Accept: 'text/html' } })
      .then((response) => (response.ok && !response.redirected ? response.text() : null))
      .then((html) => {
        if (html === null) {
          return;
        }
        // replaced only when what it says changed (every state shows as text), so a link is never
        // swapped out under the pointer for nothing
        const next = document.createElement('div');
        next.innerHTML = html;
        if (words(next) !== words(live)) {
          live.replaceChildren(...next.childNodes);
        }
      })
      .catch(() => {})
      .finally(() => { busy = false; });
  };
  window.setInterval(load, INTERVAL);
  document.addEventListener('visibilitychange', () => {
    if (!document.hidden) {
      load();
    }
  });
});
