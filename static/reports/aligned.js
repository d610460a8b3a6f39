// Aligned facts: "cite" copies the row's sentences with outlet, date, URL and the fact's
// permalink; a permalink whose sentence has moved to another row still finds it.
// A static file (CSP: no inline script or handlers).
(function () {
  "use strict";
  const table = document.getElementById("aligned");
  if (!table) return;

  function cite(button) {
    const link = new URL(button.dataset.link, window.location.href).toString();
    const text = button.dataset.citation + "\n" + link;
    button.dataset.copied = text;
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(() => (button.textContent = "Copied"));
    } else {
      window.prompt("Copy this citation", text);
    }
  }

  for (const button of table.querySelectorAll("button.cite")) {
    button.addEventListener("click", () => cite(button));
  }

  // The row named in the URL may have a new anchor after corrections: the server marks the
  // row that now holds the sentence, and we bring it into view.
  const focused = table.querySelector("tr.fact-focus");
  const hash = window.location.hash.slice(1);
  if (focused && (!hash || !document.getElementById(hash))) {
    focused.scrollIntoView({ block: "center" });
  }
})();
