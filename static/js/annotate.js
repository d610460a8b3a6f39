// Article page: select text, pick a label, save a span with code-point offsets.
"use strict";

(function () {
  const root = document.getElementById("article-text");
  const form = document.getElementById("add-annotation");
  if (!root || !form) return;
  const preview = form.querySelector("[data-selection]");

  function currentSelection() {
    const sel = window.getSelection();
    if (!sel.rangeCount || sel.isCollapsed) return null;
    const range = sel.getRangeAt(0);
    if (!root.contains(range.startContainer) || !root.contains(range.endContainer)) return null;
    const text = root.textContent;
    const a = ParallaxOffsets.textOffset(root, range.startContainer, range.startOffset);
    const b = ParallaxOffsets.textOffset(root, range.endContainer, range.endOffset);
    const start = ParallaxOffsets.toCodePoints(text, Math.min(a, b));
    const end = ParallaxOffsets.toCodePoints(text, Math.max(a, b));
    return end > start ? { start, end, text: text.slice(Math.min(a, b), Math.max(a, b)) } : null;
  }

  document.addEventListener("selectionchange", function () {
    const span = currentSelection();
    if (!span) return;
    form.elements.start.value = span.start;
    form.elements.end.value = span.end;
    preview.textContent = "“" + span.text + "”";
    form.querySelector("button").disabled = false;
  });
})();
