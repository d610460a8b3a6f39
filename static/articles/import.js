// Import pages: drag-and-drop onto the file input, and progress polling of a running job.
(function () {
  "use strict";

  function listChosen(input, list) {
    list.textContent = "";
    Array.from(input.files).forEach(function (file) {
      var li = document.createElement("li");
      li.textContent = file.name + " (" + Math.ceil(file.size / 1024) + " KB)";
      list.appendChild(li);
    });
  }

  function setUpDropzone(zone) {
    var input = document.getElementById(zone.dataset.input);
    var list = document.getElementById("chosen-files");
    if (!input) { return; }
    input.addEventListener("change", function () { listChosen(input, list); });
    ["dragenter", "dragover"].forEach(function (name) {
      zone.addEventListener(name, function (e) { e.preventDefault(); zone.classList.add("over"); });
    });
    ["dragleave", "drop"].forEach(function (name) {
      zone.addEventListener(name, function () { zone.classList.remove("over"); });
    });
    zone.addEventListener("drop", function (e) {
      e.preventDefault();
      // Dropped files replace the input's selection, so the form submits them as usual.
      var transfer = new DataTransfer();
      Array.from(e.dataTransfer.files).forEach(function (f) { transfer.items.add(f); });
      input.files = transfer.files;
      listChosen(input, list);
    });
  }

  function show(id, visible) {
    var el = document.getElementById(id);
    if (el) { el.hidden = !visible; }
  }

  function render(state, box) {
    if (box.dataset.status === "reading" && state.status === "preview") {
      window.location.reload();  // the preview is ready to review
      return;
    }
    document.getElementById("job-status").textContent = state.stalled ? "Stalled" : state.status_label;
    document.getElementById("job-stall-reason").textContent = state.stall_reason;
    show("job-stall-reason", state.stalled);
    var bar = document.getElementById("job-progress");
    bar.max = state.total || 1;
    bar.value = state.progress;
    document.getElementById("job-count").textContent = state.progress + " / " + state.total;
    document.getElementById("job-error").textContent = state.error;
    show("job-error", !!state.error);
    document.getElementById("job-created-n").textContent = (state.summary.created || 0);
    show("job-created", state.status === "succeeded");
    show("job-recover", state.stalled || state.status === "failed");
    show("job-resume", state.resumable);
    var resume = document.querySelector("#job-resume button");
    if (resume) { resume.textContent = state.stalled ? "Resume import" : "Try again"; }
  }

  function poll(box) {
    fetch(box.dataset.stateUrl, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
      .then(function (state) {
        render(state, box);
        if (!state.done && !state.stalled) { window.setTimeout(function () { poll(box); }, 1000); }
      })
      .catch(function () { window.setTimeout(function () { poll(box); }, 5000); });
  }

  var zone = document.getElementById("dropzone");
  if (zone) { setUpDropzone(zone); }
  var job = document.getElementById("job");
  if (job && job.dataset.done !== "1") { poll(job); }
})();
