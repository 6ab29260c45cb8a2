/* Search with Pagefind in Material's header (the `briefs` plugin's `search: pagefind`).
 *
 * A search button in the header opens a dialog; typing queries Pagefind's API, which
 * fetches only the index chunks and fragments a query needs (nothing before the first
 * search). Each result lists the page's matching headings — a brief's recommendations
 * and questions are headings with their permanent ids — so a result lands on its anchor.
 * Pagefind's excerpts are its own escaped text with <mark> around the matched words.
 * A big site's index is in parts (publishing/search.py), merged before the first search.
 */
(function () {
  "use strict";
  if (document.querySelector(".briefs-search-button")) return;  // instant navigation: once
  var config = JSON.parse(document.getElementById("__config").textContent);
  var base = config.base.replace(/\/?$/, "/");
  var root = new URL(base, location.href);
  var MAX_PAGES = 8, MAX_HEADINGS = 3, DELAY_MS = 150;
  var pagefind = null, timer = null, generation = 0;

  function element(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text) node.textContent = text;
    return node;
  }

  var icon = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" aria-hidden="true">' +
    '<path d="M9.5 3A6.5 6.5 0 0 1 16 9.5c0 1.61-.59 3.09-1.56 4.23l.27.27h.79l5 5-1.5 1.5-5-5v-.79' +
    'l-.27-.27A6.52 6.52 0 0 1 9.5 16 6.5 6.5 0 0 1 3 9.5 6.5 6.5 0 0 1 9.5 3m0 2C7 5 5 7 5 9.5S7 14 ' +
    '9.5 14 14 12 14 9.5 12 5 9.5 5"/></svg>';
  var button = element("button", {type: "button", "class": "md-header__button md-icon briefs-search-button",
                                  "aria-label": "Search", title: "Search (/)"});
  button.innerHTML = icon;
  var dialog = element("dialog", {"class": "briefs-search md-typeset", "aria-label": "Search the briefs"});
  var form = element("form", {role: "search", method: "dialog"});
  var label = element("label", {"for": "briefs-search-input", "class": "briefs-search__label"}, "Search");
  var input = element("input", {id: "briefs-search-input", type: "search", autocomplete: "off",
                                spellcheck: "false", placeholder: "Search recommendations, questions, briefs"});
  var close = element("button", {type: "button", "class": "briefs-search__close", "aria-label": "Close search"}, "×");
  var status = element("p", {"class": "briefs-search__status", role: "status", "aria-live": "polite"});
  var list = element("ol", {"class": "briefs-search__results"});
  form.append(label, input, close);
  dialog.append(form, status, list);
  document.body.append(dialog);
  var header = document.querySelector(".md-header__inner");
  header.insertBefore(button, header.querySelector(".md-header__source"));

  function load() {  // a big site's index comes in parts (pagefind/parts.json): merged here
    if (!pagefind) {
      var bundle = new URL("pagefind/", root);
      var parts = fetch(new URL("parts.json", bundle)).then(function (r) { return r.ok ? r.json() : []; });
      pagefind = Promise.all([import(new URL("pagefind.js", bundle).href), parts]).then(function (got) {
        var api = got[0];
        return api.options({baseUrl: root.pathname}).then(function () {
          return Promise.all(got[1].map(function (part) {
            return api.mergeIndex(new URL(part, bundle).pathname, {baseUrl: root.pathname});
          }));
        }).then(function () { return api; });
      });
    }
    return pagefind;
  }

  function link(url, title, excerpt, cls) {
    var item = element("li", {"class": cls});
    var a = element("a", {href: url});
    a.append(element("span", {"class": "briefs-search__title"}, title));
    var text = element("span", {"class": "briefs-search__excerpt"});
    text.innerHTML = excerpt;  // Pagefind's escaped excerpt, <mark> around matches
    a.append(text);
    item.append(a);
    return item;
  }

  function score(section) {  // how well a heading's section matches: best first
    return (section.weighted_locations || []).reduce(function (sum, w) {
      return sum + (w.balanced_score || w.weight || 0);
    }, 0);
  }

  function render(pages, count, query) {
    list.replaceChildren();
    status.textContent = count ? count + (count === 1 ? " page matches" : " pages match") + " “" + query + "”"
                               : "Nothing found for “" + query + "”";
    pages.forEach(function (page) {
      var item = link(page.url, page.meta.title || page.url, page.excerpt, "briefs-search__page");
      var headings = (page.sub_results || []).filter(function (s) {  // the page's own title aside
        return s.url.indexOf("#") > 0 && s.title !== page.meta.title;
      })
        .sort(function (a, b) { return score(b) - score(a); });
      if (headings.length) {
        var sub = element("ol", {"class": "briefs-search__headings"});
        headings.slice(0, MAX_HEADINGS).forEach(function (s) {
          sub.append(link(s.url, s.title, s.excerpt, "briefs-search__heading"));
        });
        item.append(sub);
      }
      list.append(item);
    });
  }

  function search(query) {
    var mine = ++generation;
    if (!query.trim()) { list.replaceChildren(); status.textContent = ""; return; }
    load().then(function (api) { return api.search(query); }).then(function (found) {
      if (!found || mine !== generation) return;
      return Promise.all(found.results.slice(0, MAX_PAGES).map(function (r) { return r.data(); }))
        .then(function (pages) { if (mine === generation) render(pages, found.results.length, query); });
    }).catch(function (err) { status.textContent = "Search is unavailable (" + err.message + ")"; });
  }

  function open() {
    if (!dialog.open) dialog.showModal();
    input.focus();
    input.select();
  }

  button.addEventListener("click", open);
  close.addEventListener("click", function () { dialog.close(); });
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { search(input.value); }, DELAY_MS);
  });
  form.addEventListener("submit", function (event) { event.preventDefault(); search(input.value); });
  dialog.addEventListener("click", function (event) {
    if (event.target === dialog || event.target.closest("a")) dialog.close();
  });
  document.addEventListener("keydown", function (event) {
    var typing = /^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement.tagName) ||
                 document.activeElement.isContentEditable;
    if (event.key === "/" && !typing && !dialog.open) { event.preventDefault(); open(); }
  });
})();
