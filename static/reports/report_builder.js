// Report builder: re-render the preview (server-side, escaped) whenever the form changes,
// at most once per pause in typing; an older answer never overwrites a newer one.
(function () {
  "use strict";
  const form = document.getElementById("report-form");
  const preview = document.getElementById("preview");
  if (!form || !preview) return;
  let timer = null;
  let latest = 0;

  async function refresh() {
    const ask = ++latest;
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(form)) {
      if (name !== "csrfmiddlewaretoken") params.append(name, value);
    }
    preview.setAttribute("aria-busy", "true");
    try {
      const response = await fetch(form.dataset.preview + "?" + params.toString(), { credentials: "same-origin" });
      const body = await response.text();
      if (ask !== latest) return;
      if (!response.ok) throw new Error("HTTP " + response.status);
      preview.innerHTML = body; // our own server-rendered, autoescaped HTML
      preview.dataset.ready = String(ask);
    } catch (err) {
      if (ask === latest) preview.textContent = "The preview could not be made (" + err.message + ").";
    } finally {
      if (ask === latest) preview.setAttribute("aria-busy", "false");
    }
  }

  function later() {
    clearTimeout(timer);
    timer = setTimeout(refresh, 350);
  }
  form.addEventListener("change", later);
  form.addEventListener("input", later);
  refresh();
})();
