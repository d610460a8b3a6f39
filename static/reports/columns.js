// Columns view: highlight filters, term details on hover/focus, synchronised scrolling,
// permalink focus and "cite". Loaded as a static file (CSP: no inline script or handlers).
(function () {
  "use strict";
  const root = document.getElementById("columns");
  if (!root) return;
  const form = document.getElementById("term-filters");
  const marks = Array.from(root.querySelectorAll("mark.hl"));
  const panel = document.getElementById("term-details");

  function tagOf(mark) {
    return (mark.dataset.spans || "").split(" ").pop();
  }

  function applyFilters() {
    const cats = new Set(
      Array.from(form.querySelectorAll("input[name=cat]:checked")).map((i) => i.value)
    );
    const voice = form.querySelector("#voice-filter").value;
    const minScore = parseFloat(form.querySelector("#score-filter").value);
    form.querySelector("#score-value").textContent = minScore.toFixed(2);
    for (const m of marks) {
      const shown =
        cats.has(m.dataset.cat) &&
        (voice === "all" || m.dataset.voice === voice) &&
        parseFloat(m.dataset.score || "1") >= minScore;
      m.classList.toggle("hl-off", !shown);
      m.tabIndex = shown ? 0 : -1;
    }
  }

  let current = null;
  function showDetails(mark) {
    if (mark.classList.contains("hl-off")) return;
    current = mark;
    panel.hidden = false;
    document.getElementById("td-term").textContent = "“" + mark.textContent + "”";
    document.getElementById("td-cat").textContent = mark.dataset.catname || mark.dataset.cat;
    document.getElementById("td-score").textContent = mark.dataset.score || "";
    document.getElementById("td-voice").textContent = mark.dataset.voice || "own";
    document.getElementById("td-speaker").textContent = mark.dataset.speaker || "—";
    document.getElementById("td-relay").textContent = mark.dataset.relay || "—";
    document.getElementById("td-expl").textContent = mark.dataset.expl || "";
    document.getElementById("td-link").href = permalink(mark);
  }

  function permalink(mark) {
    const column = mark.closest(".column");
    const tag = tagOf(mark);
    const url = new URL(window.location.href);
    url.search = "?a=" + column.dataset.article + "&focus=" + tag;
    url.hash = tag;
    return url.toString();
  }

  function cite() {
    if (!current) return;
    const column = current.closest(".column");
    const sentence = current.closest(".sent");
    const parts = [
      "“" + (sentence ? sentence.textContent.trim() : current.textContent) + "”",
      column.dataset.outlet,
      column.dataset.date || "undated",
      column.dataset.url,
      permalink(current),
    ].filter(Boolean);
    const text = parts.join(" — ");
    const button = document.getElementById("td-cite");
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(() => (button.textContent = "Copied"));
    } else {
      button.textContent = "Cite";
      button.dataset.citation = text;
      window.prompt("Copy this citation", text);
    }
  }

  for (const m of marks) {
    m.tabIndex = 0;
    m.addEventListener("mouseenter", () => showDetails(m));
    m.addEventListener("focus", () => showDetails(m));
  }
  form.addEventListener("change", applyFilters);
  form.addEventListener("input", applyFilters);
  document.getElementById("td-cite").addEventListener("click", cite);

  // Synchronised scrolling by relative position: articles differ in length, so equal
  // fractions of each column line up roughly the same stage of the story.
  const panes = Array.from(root.querySelectorAll(".column-text"));
  const sync = document.getElementById("sync-scroll");
  let leader = null;
  for (const pane of panes) {
    pane.addEventListener("scroll", () => {
      if (!sync.checked || (leader && leader !== pane)) return;
      leader = pane;
      const span = pane.scrollHeight - pane.clientHeight;
      const ratio = span > 0 ? pane.scrollTop / span : 0;
      for (const other of panes) {
        if (other !== pane) other.scrollTop = ratio * (other.scrollHeight - other.clientHeight);
      }
      window.requestAnimationFrame(() => (leader = null));
    });
  }

  const focus = root.dataset.focus;
  if (focus) {
    const target = marks.find((m) => (m.dataset.spans || "").split(" ").includes(focus));
    if (target) {
      target.classList.add("hl-focus");
      target.scrollIntoView({ block: "center" });
      target.focus({ preventScroll: true });
    }
  }
  const hash = window.location.hash.slice(1);
  if (hash && !focus) {
    const sentence = document.getElementById(hash);
    if (sentence) {
      sentence.classList.add("sent-focus");
      sentence.scrollIntoView({ block: "center" });
    }
  }
  applyFilters();
})();
