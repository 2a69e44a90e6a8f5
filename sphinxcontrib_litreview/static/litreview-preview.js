/* sphinxcontrib-litreview: previews of episode and term links.
   The data is a JSON block in the page (script.lit-previews), by link address;
   a link in the page's content with one of those addresses gets its preview
   (not permalinks, tables of contents or navigation, which lead to the same places).
   Hover or keyboard focus shows the preview, Escape hides it; on a touch screen
   the first tap shows it and a second tap follows the link. Without this script
   the link's title attribute is the fallback. No framework, nothing from elsewhere. */
(function () {
  "use strict";

  var data = {};
  var popup = null;
  var current = null;
  var hideTimer = null;
  var lastPointer = "mouse";

  function load() {
    document.querySelectorAll("script.lit-previews").forEach(function (el) {
      try {
        var entries = JSON.parse(el.textContent);
        Object.keys(entries).forEach(function (k) { data[k] = entries[k]; });
      } catch (e) { /* a broken block only loses its previews */ }
    });
  }

  var SKIP = "a.headerlink, a.lit-episode-id, nav a, .toctree-wrapper a, .toc-tree a, .contents a, .sphinxsidebar a";

  function entryOf(link) {
    var href = link.getAttribute("href");
    return Object.prototype.hasOwnProperty.call(data, href) ? data[href] : null;
  }

  function add(parent, tag, cls, text) {
    var el = document.createElement(tag);
    if (cls) el.className = cls;
    if (text) el.textContent = text;
    parent.appendChild(el);
    return el;
  }

  function fill(entry) {
    popup.textContent = "";
    var head = add(popup, "div", "lit-preview-head");
    if (entry.kind === "episode") {
      add(head, "span", "lit-preview-id", entry.id);
      if (entry.title) {
        head.appendChild(document.createTextNode(" "));
        add(head, "span", "lit-preview-title", entry.title);
      }
      var meta = [entry.date, entry.authors].filter(Boolean);
      if (meta.length) {
        var line = add(popup, "div", "lit-preview-meta");
        meta.forEach(function (text, i) {
          if (i) line.appendChild(document.createTextNode(" · "));
          add(line, "span", i === 0 && entry.date ? "lit-date" : "", text);
        });
      }
      if (entry.takeaway) {
        var take = add(popup, "div", "lit-preview-takeaway");
        add(take, "strong", "", entry.takeawayLabel);
        take.appendChild(document.createTextNode(" " + entry.takeaway));
      }
    } else {
      add(head, "span", "lit-preview-title", entry.title);
      add(popup, "div", "lit-preview-definition", entry.definition);
    }
  }

  function place(link) {
    var margin = 8;
    var rect = link.getBoundingClientRect();
    var width = document.documentElement.clientWidth;
    var height = document.documentElement.clientHeight;
    popup.style.maxWidth = Math.min(384, width - 2 * margin) + "px";
    popup.style.left = "0px";
    popup.style.top = "0px";
    var box = popup.getBoundingClientRect();
    var left = Math.max(margin, Math.min(rect.left, width - box.width - margin));
    var top = rect.bottom + 6;
    if (top + box.height > height - margin && rect.top - box.height - 6 >= margin) {
      top = rect.top - box.height - 6;
    }
    popup.style.left = left + window.scrollX + "px";
    popup.style.top = top + window.scrollY + "px";
  }

  function show(link) {
    var entry = entryOf(link);
    if (!entry) return;
    clearTimeout(hideTimer);
    if (current && current !== link) restoreTitle(current);
    current = link;
    // the preview replaces the browser's own tooltip while it shows
    if (link.hasAttribute("title")) {
      link.dataset.litTitle = link.getAttribute("title");
      link.removeAttribute("title");
    }
    fill(entry);
    popup.hidden = false;
    link.setAttribute("aria-describedby", popup.id);
    place(link);
  }

  function restoreTitle(link) {
    link.removeAttribute("aria-describedby");
    if (link.dataset.litTitle !== undefined) {
      link.setAttribute("title", link.dataset.litTitle);
      delete link.dataset.litTitle;
    }
  }

  function hide() {
    clearTimeout(hideTimer);
    if (current) restoreTitle(current);
    current = null;
    if (popup) popup.hidden = true;
  }

  function hideSoon() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hide, 250);
  }

  function init() {
    load();
    var links = Array.prototype.filter.call(document.querySelectorAll("a[href]"), function (a) {
      return entryOf(a) !== null && !a.matches(SKIP);
    });
    if (!links.length) return;
    popup = document.createElement("div");
    popup.id = "lit-preview-popup";
    popup.className = "lit-preview-popup";
    popup.setAttribute("role", "tooltip");
    popup.hidden = true;
    document.body.appendChild(popup);
    popup.addEventListener("mouseenter", function () { clearTimeout(hideTimer); });
    popup.addEventListener("mouseleave", hideSoon);

    links.forEach(function (link) {
      link.addEventListener("pointerdown", function (e) { lastPointer = e.pointerType || "mouse"; });
      link.addEventListener("mouseenter", function () { if (lastPointer !== "touch") show(link); });
      link.addEventListener("mouseleave", function () { if (lastPointer !== "touch") hideSoon(); });
      link.addEventListener("focus", function () { if (lastPointer !== "touch") show(link); });
      link.addEventListener("blur", hideSoon);
      link.addEventListener("click", function (e) {
        // a first tap shows the preview; a second tap on the same link follows it
        if (lastPointer === "touch" && current !== link) {
          e.preventDefault();
          show(link);
        }
      });
    });
    document.addEventListener("keydown", function (e) {
      if (e.key === "Tab") lastPointer = "keyboard";
      if (e.key === "Escape" && current) hide();
    });
    document.addEventListener("pointerdown", function (e) {
      lastPointer = e.pointerType || "mouse";
      if (current && !popup.contains(e.target) && !current.contains(e.target)) hide();
    });
    window.addEventListener("resize", function () { if (current) place(current); });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
