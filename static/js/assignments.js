// "My assignments" from the keyboard: the next article to do has the focus (Enter opens
// it), j/k move the focus down/up the list of articles.
(function () {
  "use strict";
  const links = Array.from(document.querySelectorAll("a.assignment-link"));
  if (!links.length) return;
  (document.querySelector("a[data-next]") || links[0]).focus();
  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const t = event.target;
    if (t.closest && t.closest("input, select, textarea, [contenteditable]")) return;
    const step = { j: 1, k: -1 }[event.key];
    if (!step) return;
    event.preventDefault();
    const at = links.indexOf(document.activeElement);
    const next = at < 0 ? 0 : Math.min(links.length - 1, Math.max(0, at + step));
    links[next].focus();
  });
})();
