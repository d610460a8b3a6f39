// Export jobs: start one without leaving the page, then poll its progress until the file is ready.
(function () {
  "use strict";

  function part(box, name) { return box.querySelector("." + name); }

  function render(box, state) {
    box.dataset.status = state.status;
    box.dataset.done = state.done ? "1" : "0";
    part(box, "export-progress").value = state.progress;
    part(box, "export-progress").textContent = state.progress + " %";
    part(box, "export-status").textContent = state.status_label;
    part(box, "export-message").textContent = state.message || "";
    var link = part(box, "export-download");
    link.hidden = !state.download_url;
    if (state.download_url) {
      link.href = state.download_url;
      link.textContent = "Download " + state.filename;
    }
    var error = part(box, "export-error");
    error.textContent = state.error || "";
    error.hidden = !state.error;
  }

  function poll(box) {
    fetch(box.dataset.stateUrl, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
      .then(function (state) {
        render(box, state);
        if (!state.done && !state.stalled) { window.setTimeout(function () { poll(box); }, 1000); }
      })
      .catch(function () { window.setTimeout(function () { poll(box); }, 5000); });
  }

  // A new row built with textContent only: labels and file names are never parsed as HTML.
  function newRow(state) {
    var box = document.createElement("div");
    box.className = "export-job";
    box.dataset.stateUrl = state.state_url;
    var label = document.createElement("span");
    label.className = "export-label";
    var a = document.createElement("a");
    a.href = state.url;
    a.textContent = state.label;
    label.appendChild(a);
    var bar = document.createElement("progress");
    bar.className = "export-progress";
    bar.max = 100;
    bar.setAttribute("aria-label", state.label + " progress");
    box.appendChild(label);
    box.appendChild(bar);
    ["export-status", "export-message"].forEach(function (name) {
      var span = document.createElement("span");
      span.className = name;
      box.appendChild(span);
    });
    var link = document.createElement("a");
    link.className = "export-download button";
    box.appendChild(link);
    var error = document.createElement("span");
    error.className = "export-error error";
    box.appendChild(error);
    render(box, state);
    return box;
  }

  function start(form, list) {
    var button = form.querySelector("button");
    button.disabled = true;
    fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      credentials: "same-origin",
      headers: { Accept: "application/json" }
    })
      .then(function (r) { return r.json().then(function (body) { return { ok: r.ok, body: body }; }); })
      .then(function (res) {
        if (!res.ok) { window.alert(res.body.error || "The export could not start."); return; }
        var box = newRow(res.body);
        list.insertBefore(box, list.firstChild);
        if (!res.body.done) { poll(box); }
      })
      .catch(function () { form.submit(); })  // fall back to the plain form (job page)
      .then(function () { button.disabled = false; });
  }

  var list = document.getElementById("export-jobs");
  document.querySelectorAll("form.export-start").forEach(function (form) {
    form.addEventListener("submit", function (e) {
      if (!list) { return; }
      e.preventDefault();
      start(form, list);
    });
  });
  document.querySelectorAll(".export-job").forEach(function (box) {
    if (box.dataset.done !== "1") { poll(box); }
  });
})();
