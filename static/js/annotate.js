// Article page, keyboard first: select words (mouse or Shift+arrows), tag with 1–9,
// move between tags with j/k, accept a / reject r / relabel l, Delete own tag, undo u.
// Every action is a fetch to a JSON endpoint; the page never reloads. Offsets sent to the
// server are code points (offsets.js); the DOM works in UTF-16 units.
"use strict";

(function () {
  const root = document.getElementById("article-text");
  const form = document.getElementById("add-annotation");
  const dataNode = document.getElementById("annotate-data");
  if (!root || !form || !dataNode) return;
  const data = JSON.parse(dataNode.textContent);
  const preview = form.querySelector("[data-selection]");
  const statusLine = document.getElementById("annotate-status");
  const csrf = form.querySelector("[name=csrfmiddlewaretoken]").value;
  const text = root.textContent; // the revision's text: the marks add no characters
  const WORD = /[\p{L}\p{N}\p{M}]+(?:['’-][\p{L}\p{N}\p{M}]+)*/gu;
  const tokens = Array.from(text.matchAll(WORD), (m) => ({ s: m.index, e: m.index + m[0].length }));
  const state = {
    annotations: data.annotations,
    showRejected: root.classList.contains("show-rejected"),
    selection: null, // {start, end} in code points, plus quote
    anchor: -1, // token indices of a keyboard selection
    caret: -1,
    focusId: null, // the tag j/k/a/r/l/Delete act on
    relabelling: false,
  };

  // ---- messages ----------------------------------------------------------------------
  function say(message, isError) {
    statusLine.textContent = message;
    statusLine.classList.toggle("error", !!isError);
  }

  function errorText(body, status) {
    if (body && body.errors) return Object.values(body.errors).flat().join(" ");
    if (status === 403) return "Your role may not do that.";
    return "The server refused (" + status + ").";
  }

  // ---- server ------------------------------------------------------------------------
  function url(name, id) {
    return data.urls[name].replace("/0/", "/" + id + "/");
  }

  async function post(target, fields) {
    const body = fields instanceof FormData ? fields : new URLSearchParams(fields);
    const response = await fetch(target, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { Accept: "application/json", "X-CSRFToken": csrf },
    });
    let json = null;
    try {
      json = await response.json();
    } catch (e) {
      json = null;
    }
    return { ok: response.ok, status: response.status, json: json };
  }

  // Actions run one after another, in the order the keys were pressed; none is dropped.
  let queue = Promise.resolve();

  function act(target, fields, done) {
    const run = async () => {
      try {
        const result = await post(target, fields);
        await refresh();
        if (result.ok) say(done || (result.json && result.json.message) || "Saved.");
        else say(errorText(result.json, result.status), true);
        return result;
      } catch (e) {
        say("Could not reach the server; nothing was changed on this page.", true);
        return null;
      }
    };
    const next = queue.then(run);
    queue = next.catch(() => null);
    return next;
  }

  async function refresh() {
    const response = await fetch(data.urls.list, {
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    });
    if (!response.ok) return;
    const json = await response.json();
    state.annotations = json.annotations;
    render();
  }

  // ---- rendering ---------------------------------------------------------------------
  function shown() {
    return state.annotations.filter((a) => state.showRejected || a.status !== "rejected");
  }

  function u16(cp) {
    return ParallaxOffsets.toUtf16(text, cp);
  }

  function render() {
    const marks = shown().map((a) => ({ a: a, s: u16(a.start), e: u16(a.end) }));
    const points = new Set([0, text.length]);
    marks.forEach((m) => {
      points.add(m.s);
      points.add(m.e);
    });
    const cuts = Array.from(points).sort((x, y) => x - y);
    const nodes = [];
    for (let i = 0; i + 1 < cuts.length; i++) {
      const s = cuts[i];
      const e = cuts[i + 1];
      const piece = document.createTextNode(text.slice(s, e));
      const covering = marks.filter((m) => m.s <= s && e <= m.e);
      if (!covering.length) {
        nodes.push(piece);
        continue;
      }
      const top = covering[covering.length - 1].a;
      const mark = document.createElement("mark");
      mark.className = "hl hl-" + top.status + (top.review ? " hl-review" : "");
      if (covering.some((m) => m.a.id === state.focusId)) mark.classList.add("hl-focus");
      mark.dataset.spans = covering.map((m) => "a" + m.a.id).join(" ");
      mark.title = top.label_name + " (" + top.status + ")";
      if (/^#[0-9a-fA-F]{6}$/.test(top.colour)) mark.style.setProperty("--hl", top.colour);
      mark.appendChild(piece);
      nodes.push(mark);
    }
    root.replaceChildren(...nodes);
    renderTable();
    clearSelection();
  }

  function cell(content) {
    const td = document.createElement("td");
    td.textContent = content;
    return td;
  }

  function button(label, action, id) {
    const b = document.createElement("button");
    b.type = "button";
    b.textContent = label;
    b.dataset.action = action;
    b.dataset.id = id;
    return b;
  }

  function renderTable() {
    const table = document.getElementById("annotations");
    if (!table) return;
    const rows = state.annotations.map((a) => {
      const tr = document.createElement("tr");
      tr.id = "a" + a.id;
      tr.dataset.id = a.id;
      if (a.id === state.focusId) tr.classList.add("focused");
      const codePoints = Array.from(text);
      tr.append(
        cell(a.label_name),
        cell(codePoints.slice(a.start, a.end).join("")),
        cell(a.status + (a.score !== null ? " · " + a.score.toFixed(2) : "")),
        cell(a.by),
      );
      const actions = document.createElement("td");
      actions.className = "nowrap";
      if (a.model && a.status !== "accepted") actions.append(button("Accept", "accept", a.id));
      if (a.model && a.status !== "rejected") actions.append(button("Reject", "reject", a.id));
      if (a.own) actions.append(button("Delete", "delete", a.id));
      tr.append(actions);
      return tr;
    });
    const head = document.createElement("tr");
    ["Label", "Text", "Status", "By", ""].forEach((h) => {
      const th = document.createElement("th");
      th.textContent = h;
      head.append(th);
    });
    table.tHead.replaceChildren(head);
    table.tBodies[0].replaceChildren(...rows);
  }

  // ---- selection ---------------------------------------------------------------------
  function setSelection(span) {
    state.selection = span;
    form.elements.start.value = span ? span.start : "";
    form.elements.end.value = span ? span.end : "";
    form.elements.quote.value = span ? span.quote : "";
    preview.textContent = span ? "“" + span.quote + "”" : "nothing selected";
    form.querySelector("button[type=submit]").disabled = !span;
  }

  function clearSelection() {
    setSelection(null);
    state.anchor = state.caret = -1;
    const sel = window.getSelection();
    if (sel.rangeCount && root.contains(sel.anchorNode)) sel.removeAllRanges();
  }

  function spanFromU16(a, b) {
    const start = ParallaxOffsets.toCodePoints(text, a);
    const end = ParallaxOffsets.toCodePoints(text, b);
    if (end <= start) return null;
    return { start: start, end: end, quote: Array.from(text).slice(start, end).join("") };
  }

  function domSelection() {
    const sel = window.getSelection();
    if (!sel.rangeCount || sel.isCollapsed) return { inside: false, span: null };
    const range = sel.getRangeAt(0);
    const inside = root.contains(range.startContainer) && root.contains(range.endContainer);
    if (!inside) return { inside: false, partial: true, span: null };
    const a = ParallaxOffsets.textOffset(root, range.startContainer, range.startOffset);
    const b = ParallaxOffsets.textOffset(root, range.endContainer, range.endOffset);
    return { inside: true, span: spanFromU16(Math.min(a, b), Math.max(a, b)) };
  }

  document.addEventListener("selectionchange", function () {
    const sel = window.getSelection();
    const current = domSelection();
    if (current.span) {
      setSelection(current.span);
    } else if (current.partial || (sel.rangeCount && sel.isCollapsed && root.contains(sel.anchorNode))) {
      // A selection reaching outside the text, or a click elsewhere in it: the old one is
      // stale and must not be saved by the next shortcut.
      setSelection(null);
    }
  });

  function locate(offset) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    let seen = 0;
    let node;
    while ((node = walker.nextNode())) {
      if (offset <= seen + node.data.length) return [node, offset - seen];
      seen += node.data.length;
    }
    return [root, root.childNodes.length];
  }

  function selectTokens(from, to) {
    const a = tokens[Math.min(from, to)];
    const b = tokens[Math.max(from, to)];
    const range = document.createRange();
    range.setStart(...locate(a.s));
    range.setEnd(...locate(b.e));
    const sel = window.getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
    setSelection(spanFromU16(a.s, b.e));
  }

  function tokenAt(cp) {
    const off = u16(cp);
    const i = tokens.findIndex((t) => t.e > off);
    return i < 0 ? tokens.length - 1 : i;
  }

  function moveCaret(step, extend) {
    if (!tokens.length) return;
    if (state.caret < 0) {
      state.caret = state.selection ? tokenAt(step > 0 ? state.selection.end - 1 : state.selection.start) : step > 0 ? -1 : tokens.length;
      state.anchor = state.selection ? tokenAt(state.selection.start) : state.caret;
    }
    const caret = Math.max(0, Math.min(tokens.length - 1, state.caret + step));
    if (!extend || state.anchor < 0) state.anchor = caret;
    state.caret = caret;
    selectTokens(state.anchor, caret);
  }

  // A selection is saved only if it still says what the text says there.
  function validSelection() {
    const span = state.selection;
    if (!span) return null;
    if (Array.from(text).slice(span.start, span.end).join("") !== span.quote) return null;
    return span;
  }

  // ---- actions -----------------------------------------------------------------------
  async function tag(label) {
    const span = validSelection();
    if (!span) {
      say("Select some text first (mouse, or ←/→ and Shift+←/→ in the text).", true);
      return;
    }
    if (!data.current) {
      say("This is an old revision; open the current one to tag it.", true);
      return;
    }
    const fields = { start: span.start, end: span.end, quote: span.quote, label: label.id };
    clearSelection();
    const result = await act(data.urls.add, fields, "Tagged “" + span.quote + "” as " + label.name + ".");
    if (result && result.ok) {
      state.focusId = result.json.annotation.id;
      render();
    }
  }

  function focused() {
    return state.annotations.find((a) => a.id === state.focusId) || null;
  }

  function moveFocus(step) {
    const list = shown();
    if (!list.length) return say("No tags on this text yet.");
    let i = list.findIndex((a) => a.id === state.focusId);
    i = i < 0 ? (step > 0 ? 0 : list.length - 1) : (i + step + list.length) % list.length;
    focusOn(list[i]);
  }

  function focusOn(a) {
    state.focusId = a.id;
    render();
    const mark = root.querySelector("mark.hl-focus");
    if (mark) mark.scrollIntoView({ block: "center", behavior: "instant" });
    const quote = Array.from(text).slice(a.start, a.end).join("");
    say(a.label_name + ": “" + quote + "” (" + a.status + (a.model ? ", suggestion" : ", by " + a.by) + ")");
  }

  // A link to one tag (#a<id>, from the agreement page's disagreements or the queue) opens
  // the article with that tag focused in the text, so j/k/a/r continue from it.
  function focusFromHash() {
    const wanted = /^#a(\d+)$/.exec(window.location.hash);
    const a = wanted && state.annotations.find((x) => x.id === Number(wanted[1]));
    if (a && (state.showRejected || a.status !== "rejected")) focusOn(a);
  }

  function decide(status) {
    const a = focused();
    if (!a) return say("Move to a suggestion first (j/k).", true);
    if (!a.model) return say("That is an analyst's tag; only suggestions are accepted or rejected.", true);
    return act(url("decide", a.id), { status: status, version: a.version }, (status === "accepted" ? "Accepted " : "Rejected ") + a.label_name + ".");
  }

  function remove() {
    const a = focused();
    if (!a) return say("Move to your tag first (j/k).", true);
    if (a.model) return say("A suggestion cannot be deleted; reject it with r.", true);
    const next = shown().find((b) => b.start > a.start && b.id !== a.id);
    return act(url("delete", a.id), {}, "Deleted " + a.label_name + " (u to undo).").then(() => {
      state.focusId = next ? next.id : null;
      render();
    });
  }

  function relabel(label) {
    const a = focused();
    state.relabelling = false;
    if (!a) return say("Move to a tag first (j/k).", true);
    return act(url("relabel", a.id), { label: label.id }).then((result) => {
      if (result && result.ok && a.model) {
        // the suggestion was rejected and the new own tag replaces it: focus that
        const own = state.annotations.find((b) => b.own && b.start === a.start && b.end === a.end && b.label === label.id);
        if (own) {
          state.focusId = own.id;
          render();
        }
      }
    });
  }

  function undo() {
    return act(data.urls.undo, {});
  }

  // ---- events ------------------------------------------------------------------------
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    const label = data.labels.find((l) => String(l.id) === form.elements.label.value);
    if (label) tag(label);
  });

  const undoForm = document.getElementById("undo-form");
  if (undoForm) {
    undoForm.addEventListener("submit", function (event) {
      event.preventDefault();
      undo();
    });
  }

  const table = document.getElementById("annotations");
  if (table) {
    table.addEventListener("click", function (event) {
      const b = event.target.closest("button[data-action]");
      if (!b) return;
      event.preventDefault();
      state.focusId = Number(b.dataset.id);
      if (b.dataset.action === "accept") decide("accepted");
      else if (b.dataset.action === "reject") decide("rejected");
      else if (b.dataset.action === "delete") remove();
    });
  }

  const toggle = document.querySelector("#rejected-toggle a");
  if (toggle) {
    toggle.addEventListener("click", function (event) {
      event.preventDefault();
      state.showRejected = !state.showRejected;
      toggle.textContent = state.showRejected ? "Hide rejected" : "Show rejected";
      history.replaceState(null, "", state.showRejected ? "?rejected=1" : "?");
      render();
    });
  }

  root.addEventListener("click", function (event) {
    const mark = event.target.closest("mark[data-spans]");
    if (mark && window.getSelection().isCollapsed) {
      state.focusId = Number(mark.dataset.spans.split(" ").pop().slice(1));
      render();
    }
  });

  document.addEventListener("keydown", function (event) {
    const t = event.target;
    if (t.closest && t.closest("input, select, textarea, [contenteditable]")) return;
    if (event.altKey || event.metaKey) return;
    const key = event.key;
    if (event.ctrlKey) {
      if (key === "z") {
        event.preventDefault();
        undo();
      }
      return;
    }
    if ((key === "ArrowRight" || key === "ArrowLeft") && document.activeElement === root) {
      event.preventDefault();
      moveCaret(key === "ArrowRight" ? 1 : -1, event.shiftKey);
      return;
    }
    if (/^[1-9]$/.test(key)) {
      const label = data.labels[Number(key) - 1];
      if (!label) return;
      event.preventDefault();
      if (state.relabelling) relabel(label);
      else tag(label);
      return;
    }
    const handlers = {
      j: () => moveFocus(1),
      n: () => moveFocus(1),
      k: () => moveFocus(-1),
      p: () => moveFocus(-1),
      a: () => decide("accepted"),
      r: () => decide("rejected"),
      l: () => {
        if (!focused()) return say("Move to a tag first (j/k).", true);
        state.relabelling = true;
        say("Relabel: press 1–9 for the new label (Esc to cancel).");
      },
      u: undo,
      Delete: remove,
      Backspace: remove,
      Escape: () => {
        state.relabelling = false;
        clearSelection();
        say("");
      },
    };
    if (handlers[key]) {
      event.preventDefault();
      handlers[key]();
    }
  });

  render();
  focusFromHash();
  window.addEventListener("hashchange", focusFromHash);
  // Keys pressed before this point do nothing; tests (and scripts) wait for the marker.
  root.dataset.ready = "1";
})();
