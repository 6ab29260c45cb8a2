/* Copy buttons beside each recommendation and open question.
 *
 * "copy link" puts the item's absolute short URL (<site>/r/<id>/) on the clipboard,
 * "copy citation" one line: authors, title, publication, date, the item's text and the
 * short URL. The site root is worked out from this script's own address (it is served at
 * <site>/assets/permalinks.js), so URLs are right with or without site_url and under a
 * sub-path. No requests. The buttons come hidden and unlabelled (they do nothing without
 * JavaScript, and their labels would be noise in the search index); they are labelled and
 * shown on every page, also after Material's instant navigation (document$).
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var root = new URL("../", script ? script.src : window.location.href);

  function shortUrl(id) {
    return new URL("r/" + encodeURIComponent(id) + "/", root).href;
  }

  function citation(data, url) {
    var head = [data.authors, data.title ? "\u201c" + data.title + "\u201d" : "",
                data.publication, data.date].filter(Boolean).join(", ");
    return (head ? head + ": " : "") + "\u201c" + data.text + "\u201d " + url;
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

  function flash(button, label) {
    button.textContent = label;
    window.setTimeout(function () { button.textContent = button.dataset.label; }, 1500);
  }

  function onClick(event) {
    var button = event.target.closest && event.target.closest("[data-permalink-copy]");
    var box = button && button.closest("[data-permalink-id]");
    if (!box) { return; }
    var url = shortUrl(box.dataset.permalinkId);
    var text = button.dataset.permalinkCopy === "citation" ? citation(box.dataset, url) : url;
    copyText(text).then(
      function () { flash(button, "copied"); },
      function () { window.prompt("Copy this:", text); });
  }

  function reveal() {
    document.querySelectorAll("[data-permalink-id]").forEach(function (box) {
      box.querySelectorAll("[data-permalink-copy]").forEach(function (button) {
        button.textContent = button.dataset.label;
        button.title = shortUrl(box.dataset.permalinkId);
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
