/* One compact copy control per recommendation and open question: two icon buttons.
 *
 * "Copy link to …" puts the item's absolute short URL (<site>/r/<id>/) on the clipboard,
 * "Copy citation of …" one line: authors, title, publication, date, the item's text and
 * the short URL. The item's text is its heading's; the rest comes from the page's one
 * [data-permalink-source] box. The site root is worked out from this script's own address
 * (it is served at <site>/assets/permalinks.js), so URLs are right with or without
 * site_url and under a sub-path. No requests. The controls come hidden (they do nothing
 * without JavaScript) and named by their aria-label; this script gives them their icons
 * (Material Design Icons, as the theme's) and shows them on every page, also after
 * Material's instant navigation (document$). A polite status line says what was copied.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var root = new URL("../", script ? script.src : window.location.href);
  var ICONS = {
    link: "M10.59 13.41c.41.39.41 1.03 0 1.42-.39.39-1.03.39-1.42 0a5.003 5.003 0 0 1 0-7.07l3.54-3.54a5.003 5.003 0 0 1 7.07 0 5.003 5.003 0 0 1 0 7.07l-1.49 1.49c.01-.82-.12-1.64-.4-2.42l.47-.48a2.98 2.98 0 0 0 0-4.24 2.98 2.98 0 0 0-4.24 0l-3.53 3.53a2.98 2.98 0 0 0 0 4.24m2.82-4.24c.39-.39 1.03-.39 1.42 0a5.003 5.003 0 0 1 0 7.07l-3.54 3.54a5.003 5.003 0 0 1-7.07 0 5.003 5.003 0 0 1 0-7.07l1.49-1.49c-.01.82.12 1.64.4 2.43l-.47.47a2.98 2.98 0 0 0 0 4.24 2.98 2.98 0 0 0 4.24 0l3.53-3.53a2.98 2.98 0 0 0 0-4.24.973.973 0 0 1 0-1.42",
    citation: "M14 17h3l2-4V7h-6v6h3M6 17h3l2-4V7H5v6h3z",
    copied: "M21 7 9 19l-5.5-5.5 1.41-1.41L9 16.17 19.59 5.59z"
  };

  function icon(name) {
    return '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="' +
      ICONS[name] + '"/></svg>';
  }

  function shortUrl(id) {
    return new URL("r/" + encodeURIComponent(id) + "/", root).href;
  }

  function itemText(id) {
    var heading = document.getElementById(id);
    if (!heading) { return ""; }
    var copy = heading.cloneNode(true);
    copy.querySelectorAll(".headerlink").forEach(function (a) { a.remove(); });
    return copy.textContent.trim();
  }

  function citation(data, text, url) {
    var head = [data.authors, data.title ? "\u201c" + data.title + "\u201d" : "",
                data.publication, data.date].filter(Boolean).join(", ");
    return (head ? head + ": " : "") + "\u201c" + text + "\u201d " + url;
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      var ok = document.execCommand("copy");
      document.body.removeChild(area);
      if (ok) { resolve(); } else { reject(new Error("copy refused")); }
    });
  }

  function status() {
    var line = document.getElementById("permalink-status");
    if (!line) {
      line = document.createElement("span");
      line.id = "permalink-status";
      line.className = "brief-visually-hidden";  // briefs.css: out of sight, read aloud
      line.setAttribute("role", "status");
      document.body.appendChild(line);
    }
    return line;
  }

  function flash(button) {
    var kind = button.dataset.permalinkCopy;
    button.innerHTML = icon("copied");
    button.classList.add("permalink--copied");
    status().textContent = (kind === "citation" ? "Citation" : "Link") + " copied";
    window.setTimeout(function () {
      button.innerHTML = icon(kind);
      button.classList.remove("permalink--copied");
    }, 1500);
  }

  function onClick(event) {
    var button = event.target.closest && event.target.closest("[data-permalink-copy]");
    var box = button && button.closest("[data-permalink-id]");
    if (!box) { return; }
    var id = box.dataset.permalinkId;
    var url = shortUrl(id);
    var source = document.querySelector("[data-permalink-source]");
    var text = button.dataset.permalinkCopy === "citation"
      ? citation(source ? source.dataset : {}, itemText(id), url) : url;
    copyText(text).then(
      function () { flash(button); },
      function () { window.prompt("Copy this:", text); });
  }

  function reveal() {
    document.querySelectorAll("[data-permalink-id]").forEach(function (box) {
      box.querySelectorAll("[data-permalink-copy]").forEach(function (button) {
        button.innerHTML = icon(button.dataset.permalinkCopy);
        button.title = button.getAttribute("aria-label");
      });
      box.hidden = false;
    });
  }

  document.addEventListener("click", onClick);
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(reveal);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", reveal);
  } else {
    reveal();
  }
})();
