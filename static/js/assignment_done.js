// On an article assigned to the reader: "m" marks it done and opens the next one (the
// annotate.js keys leave "m" free), as the button beside it does.
(function () {
  "use strict";
  const button = document.getElementById("mark-done");
  if (!button) return;
  document.addEventListener("keydown", function (event) {
    if (event.key !== "m" || event.altKey || event.ctrlKey || event.metaKey) return;
    const t = event.target;
    if (t.closest && t.closest("input, select, textarea, [contenteditable]")) return;
    event.preventDefault();
    button.click();
  });
})();
