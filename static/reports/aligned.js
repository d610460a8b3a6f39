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

  // Corrections: one shared form (rendered once) moves into the cell whose "fix" was
  // pressed; rendering a form per cell made the page several times heavier.
  const form = document.getElementById("fix-form");
  if (form) {
    const split = form.querySelector('input[name="kind"][value="split"]');
    const move = form.querySelector('input[name="kind"][value="move"]');
    const target = form.querySelector('input[name="target"]');
    const close = () => {
      form.hidden = true;
      form.elements.cell.value = "";
    };
    const open = (button) => {
      button.after(form);
      form.elements.cell.value = button.dataset.cell;
      // A sentence alone in its row has nothing to be split from.
      split.disabled = !button.dataset.split;
      split.closest("label").hidden = !button.dataset.split;
      move.checked = true;
      target.required = true;
      form.hidden = false;
      target.focus();
    };
    for (const radio of [split, move]) {
      radio.addEventListener("change", () => (target.required = move.checked));
    }
    form.querySelector(".fix-cancel").addEventListener("click", close);
    for (const button of table.querySelectorAll("button.fix")) {
      button.hidden = false;
      button.addEventListener("click", () => open(button));
    }
  }

  // The row named in the URL may have a new anchor after corrections: the server marks the
  // row that now holds the sentence, and we bring it into view.
  const focused = table.querySelector("tr.fact-focus");
  const hash = window.location.hash.slice(1);
  if (focused && (!hash || !document.getElementById(hash))) {
    focused.scrollIntoView({ block: "center" });
  }
})();
