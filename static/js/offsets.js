// The one place where the browser's UTF-16 offsets become the server's code-point offsets.
// Python indexes strings by code point; JavaScript by UTF-16 unit, so any character outside
// the Basic Multilingual Plane (emoji, many CJK extensions) counts twice here and once there.
"use strict";

const ParallaxOffsets = {
  /** Code-point offset of UTF-16 offset `u16` in `text` (a split surrogate pair rounds down). */
  toCodePoints(text, u16) {
    let cp = 0;
    for (let i = 0; i < u16 && i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
        if (i + 1 >= u16) break; // selection ends inside the pair: stop before it
        i++;
      }
      cp++;
    }
    return cp;
  },

  /** UTF-16 offset of code-point offset `cp` in `text`. */
  toUtf16(text, cp) {
    let u16 = 0;
    for (let n = 0; n < cp && u16 < text.length; n++) {
      const c = text.charCodeAt(u16);
      u16 += c >= 0xd800 && c <= 0xdbff ? 2 : 1;
    }
    return u16;
  },

  /** UTF-16 offset of (node, offset) within `root`'s text content. */
  textOffset(root, node, offset) {
    const range = document.createRange();
    range.setStart(root, 0);
    range.setEnd(node, offset);
    return range.toString().length;
  },
};
