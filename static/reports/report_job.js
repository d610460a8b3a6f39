// Report generation: poll the job's state every second until it is done or failed.
(function () {
  "use strict";
  const box = document.getElementById("report-job");
  if (!box) return;
  const $ = (id) => document.getElementById(id);

  async function poll() {
    try {
      const response = await fetch(box.dataset.stateUrl, { credentials: "same-origin" });
      if (!response.ok) throw new Error("HTTP " + response.status);
      const s = await response.json();
      $("job-status").textContent = s.label;
      $("job-stage").textContent = s.stage;
      $("job-progress").value = s.progress;
      box.dataset.status = s.status;
      if (s.error) { $("job-error").textContent = s.error; $("job-error").hidden = false; }
      if (s.download) {
        $("download-link").href = s.download;
        $("job-download").hidden = false;
      }
      if (s.status === "done" || s.status === "failed") return;
    } catch (err) {
      $("job-stage").textContent = "Could not read the progress (" + err.message + "); retrying.";
    }
    setTimeout(poll, 1000);
  }
  if (box.dataset.status !== "done" && box.dataset.status !== "failed") poll();
})();
