/* sphinxcontrib-litreview: interactive episode tables (litreview_interactive).
   Each table list is followed by a JSON block (script.lit-list-data) with what the
   table does not show: per row its ID, date, authors, tags, topics and any text
   the filter should also find; the Episode index has one in its head
   (#lit-index-data). This script adds, above the table, a text filter, a select
   per facet (topic, tag, year, with counts), sort buttons and a live count. The
   state is in the address (?q=…&tag=…&sort=-date), so a view can be linked,
   reloaded and left with the back button. Text is matched as text, never as a
   pattern or as markup. Without this script the table is all there, unchanged.
   No framework, nothing from elsewhere. */
(function () {
  "use strict";

  var collator = new Intl.Collator(document.documentElement.lang || undefined, { numeric: true, sensitivity: "base" });
  var numbers = new Intl.NumberFormat(document.documentElement.lang || undefined);
  var FACETS = ["topic", "tag", "year"];
  var SORTS = ["id", "title", "date"];
  var lists = [];

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text) node.textContent = text;
    return node;
  }

  function fold(text) {
    return text.toLocaleLowerCase();
  }

  function textOf(tr, selector) {
    var node = tr.querySelector(selector);
    return node ? node.textContent.trim() : "";
  }

  /* The rows of a table list: tbody rows, paired with the data by position and ID. */
  function listRows(table, data) {
    var trs = table.tBodies.length ? Array.prototype.slice.call(table.tBodies[0].rows) : [];
    if (trs.length !== data.rows.length) return null;
    var rows = [];
    for (var i = 0; i < trs.length; i++) {
      var d = data.rows[i];
      if (trs[i].cells[0].textContent.trim() !== d[0]) return null;
      rows.push(makeRow(trs[i], d, textOf(trs[i], ".lit-title"), data));
    }
    return { rows: rows, caps: [] };
  }

  /* The rows of the Episode index: entry rows by the ID in their link, and the year rows. */
  function indexRows(table, data) {
    var byId = {};
    data.rows.forEach(function (d) { byId[d[0]] = d; });
    var rows = [];
    var caps = [];
    Array.prototype.forEach.call(table.tBodies[0].rows, function (tr) {
      if (tr.classList.contains("cap") || tr.classList.contains("pcap")) {
        caps.push(tr);
        return;
      }
      var code = tr.querySelector("a code, a .pre");
      var d = code && byId[code.textContent.trim()];
      if (d) rows.push(makeRow(tr, d, tr.cells.length ? tr.cells[tr.cells.length - 1].textContent.trim() : "", data));
    });
    return rows.length ? { rows: rows, caps: caps } : null;
  }

  function makeRow(tr, d, title, data) {
    return {
      tr: tr,
      id: d[0],
      date: d[1],
      year: d[1] ? d[1].slice(0, 4) : "",
      title: title,
      tags: d[3],
      topics: d[4].map(function (i) { return data.topics[i][0]; }),
      text: fold([tr.textContent, d[2], d[3].join(" "), d[5]].join(" ")),
      cap: null,
      shown: true
    };
  }

  /* Each query key is the list's own: "q" for the page's first list, "q2" for its second, … */
  function key(list, name) {
    return name + (list.n > 1 ? list.n : "");
  }

  function readState(list) {
    var params = new URLSearchParams(location.search);
    var state = { q: params.get(key(list, "q")) || "", sort: params.get(key(list, "sort")) || "" };
    FACETS.forEach(function (f) { state[f] = params.get(key(list, f)) || ""; });
    if (SORTS.indexOf(state.sort.replace(/^-/, "")) < 0) state.sort = "";
    return state;
  }

  function writeState(list, push) {
    var params = new URLSearchParams(location.search);
    ["q", "sort"].concat(FACETS).forEach(function (name) {
      var value = list.state[name];
      if (value) params.set(key(list, name), value);
      else params.delete(key(list, name));
    });
    var search = params.toString();
    var url = location.pathname + (search ? "?" + search : "") + location.hash;
    if (url === location.pathname + location.search + location.hash) return;
    try {
      if (push) history.pushState({ litreview: true }, "", url);
      else history.replaceState(history.state, "", url);
    } catch (e) { /* a browser that refuses keeps the view, without the address */ }
  }

  function facetValues(row, facet) {
    if (facet === "topic") return row.topics;
    if (facet === "tag") return row.tags;
    return [row.year];
  }

  function passes(row, state, terms, skip) {
    for (var i = 0; i < terms.length; i++) {
      if (row.text.indexOf(terms[i]) < 0) return false;
    }
    for (var f = 0; f < FACETS.length; f++) {
      var facet = FACETS[f];
      if (facet !== skip && state[facet] && facetValues(row, facet).indexOf(state[facet]) < 0) return false;
    }
    return true;
  }

  /* Filter: show the rows that pass, count them, and count each facet's values among
     the rows that pass every other filter. */
  function filter(list) {
    var state = list.state;
    var terms = fold(state.q).split(/\s+/).filter(Boolean);
    var counts = {};
    FACETS.forEach(function (f) { counts[f] = {}; });
    var shown = 0;
    list.rows.forEach(function (row) {
      var ok = passes(row, state, terms, null);
      if (ok) shown++;
      if (ok !== row.shown) {
        row.shown = ok;
        row.tr.hidden = !ok;
      }
      FACETS.forEach(function (f) {
        if (ok || passes(row, state, terms, f)) {
          facetValues(row, f).forEach(function (v) { counts[f][v] = (counts[f][v] || 0) + 1; });
        }
      });
    });
    FACETS.forEach(function (f) {
      var select = list.selects[f];
      if (!select) return;
      select.value = state[f];
      for (var i = 1; i < select.options.length; i++) {
        var option = select.options[i];
        var count = counts[f][option.value] || 0;
        option.textContent = option.dataset.label + " (" + numbers.format(count) + ")";
        option.disabled = !count && option.value !== state[f];
      }
    });
    showCaps(list);
    var text = list.strings.count
      .replace("{shown}", numbers.format(shown))
      .replace("{total}", numbers.format(list.rows.length));
    if (list.count.textContent !== text) list.count.textContent = text;
    list.clear.disabled = !(state.q || state.sort || FACETS.some(function (f) { return state[f]; }));
  }

  /* The Episode index's year rows: shown in its own order when a year has rows shown. */
  function showCaps(list) {
    if (!list.caps.length) return;
    var seen = {};
    if (!list.state.sort) {
      list.rows.forEach(function (row) { if (row.shown && row.cap) seen[row.cap.id] = true; });
    }
    list.caps.forEach(function (cap) {
      var group = cap.classList.contains("pcap") ? cap.nextElementSibling : cap;
      cap.hidden = !(group && seen[group.id]);
    });
  }

  function compare(key) {
    return function (a, b) {
      if (key === "date") {
        if (!a.date !== !b.date) return a.date ? -1 : 1;
        var d = a.date < b.date ? -1 : a.date > b.date ? 1 : 0;
        if (d) return d;
      } else if (key === "title") {
        var t = collator.compare(a.title, b.title);
        if (t) return t;
      }
      return collator.compare(a.id, b.id) || a.index - b.index;
    };
  }

  /* Sort: the rows in the order asked for (undated last either way), or the table's own. */
  function sort(list) {
    var name = list.state.sort.replace(/^-/, "");
    var order;
    if (!name) {
      order = list.original;
    } else {
      order = list.rows.slice().sort(compare(name));
      if (list.state.sort.charAt(0) === "-") {
        order.reverse();
        if (name === "date") {
          var dated = order.filter(function (r) { return r.date; });
          order = dated.concat(order.filter(function (r) { return !r.date; }).reverse());
        }
      }
      order = order.map(function (r) { return r.tr; });
    }
    var fragment = document.createDocumentFragment();
    order.forEach(function (tr) { fragment.appendChild(tr); });
    list.body.appendChild(fragment);
    list.buttons.forEach(function (button) {
      var active = button.dataset.sort === name;
      var descending = active && list.state.sort.charAt(0) === "-";
      button.setAttribute("aria-pressed", active ? "true" : "false");
      button.querySelector(".lit-sort-arrow").textContent = active ? (descending ? " ▼" : " ▲") : "";
      var th = list.headers[button.dataset.sort];
      if (th) {
        if (active) th.setAttribute("aria-sort", descending ? "descending" : "ascending");
        else th.removeAttribute("aria-sort");
      }
    });
    showCaps(list);
  }

  function apply(list) {
    sort(list);
    filter(list);
    list.input.value = list.state.q;
  }

  function facetSelect(list, facet, values, label) {
    var all = { topic: "allTopics", tag: "allTags", year: "allYears" }[facet];
    var wrap = el("label", "lit-facet");
    wrap.appendChild(el("span", "lit-facet-label", list.strings[facet]));
    var select = el("select");
    select.name = key(list, facet);
    select.appendChild(new Option(list.strings[all], ""));
    values.forEach(function (value) {
      var option = new Option(label(value), value);
      option.dataset.label = label(value);
      select.appendChild(option);
    });
    select.addEventListener("change", function () {
      list.state[facet] = select.value;
      list.typing = false;
      filter(list);
      writeState(list, true);
    });
    wrap.appendChild(select);
    list.selects[facet] = select;
    return wrap;
  }

  function distinct(list, facet) {
    var seen = {};
    list.rows.forEach(function (row) { facetValues(row, facet).forEach(function (v) { seen[v] = true; }); });
    var values = Object.keys(seen).sort(function (a, b) {
      if (facet === "year") return (a === "") - (b === "") || (a < b ? 1 : a > b ? -1 : 0);
      return collator.compare(a, b);
    });
    return values;
  }

  function controls(list, data) {
    var box = el("div", "lit-filter");
    box.setAttribute("role", "search");
    var label = el("label", "lit-filter-text");
    label.appendChild(el("span", "lit-facet-label", list.strings.filter));
    var input = el("input");
    input.type = "search";
    input.name = key(list, "q");
    input.placeholder = list.strings.placeholder;
    input.autocomplete = "off";
    input.spellcheck = false;
    label.appendChild(input);
    box.appendChild(label);
    list.input = input;
    input.addEventListener("input", function () {
      list.state.q = input.value;
      filter(list);
      // one history entry per bout of typing, not one per key
      writeState(list, !list.typing);
      list.typing = true;
    });
    input.addEventListener("blur", function () { list.typing = false; });
    input.addEventListener("keydown", function (e) {
      if (e.key === "Escape" && input.value) {
        e.preventDefault();
        input.value = "";
        input.dispatchEvent(new Event("input"));
      }
    });
    var titles = {};
    data.topics.forEach(function (t) { titles[t[0]] = t[1]; });
    var labels = {
      topic: function (v) { return titles[v] || v; },
      tag: function (v) { return v; },
      year: function (v) { return v || list.strings.undated; }
    };
    FACETS.forEach(function (facet) {
      var values = distinct(list, facet);
      // a facet with one value cannot narrow anything
      if (values.length > 1 || list.state[facet]) box.appendChild(facetSelect(list, facet, values, labels[facet]));
    });
    var sorts = el("div", "lit-sort");
    sorts.setAttribute("role", "group");
    sorts.appendChild(el("span", "lit-facet-label", list.strings.sort));
    SORTS.forEach(function (name) {
      if (name === "title" && !list.rows.some(function (r) { return r.title; })) return;
      if (name === "date" && !list.rows.some(function (r) { return r.date; })) return;
      var button = el("button", "lit-sort-button", list.strings[name]);
      button.type = "button";
      button.dataset.sort = name;
      button.appendChild(el("span", "lit-sort-arrow"));
      button.addEventListener("click", function () { setSort(list, name); });
      sorts.appendChild(button);
      list.buttons.push(button);
    });
    box.appendChild(sorts);
    var clear = el("button", "lit-filter-clear", list.strings.clear);
    clear.type = "button";
    clear.addEventListener("click", function () {
      list.state = { q: "", sort: "", topic: "", tag: "", year: "" };
      list.typing = false;
      apply(list);
      writeState(list, true);
      input.focus();
    });
    box.appendChild(clear);
    list.clear = clear;
    var count = el("p", "lit-filter-count");
    count.setAttribute("role", "status");
    count.setAttribute("aria-live", "polite");
    list.count = count;
    box.appendChild(count);
    return box;
  }

  /* A column's sort: first ascending (newest first for the date), then the other way. */
  function setSort(list, name) {
    var current = list.state.sort;
    var first = name === "date" ? "-date" : name;
    list.state.sort = current === first ? (first.charAt(0) === "-" ? name : "-" + name) : first;
    list.typing = false;
    sort(list);
    filter(list);
    writeState(list, true);
  }

  /* Column headings of a table list sort too: the heading's words become a button. */
  function sortableHeadings(list) {
    var head = list.table.tHead;
    if (!head || !head.rows.length) return;
    var cells = head.rows[0].cells;
    var names = ["id", "title", "date"];
    for (var i = 0; i < cells.length; i++) {
      var name = names.filter(function (n) { return list.columns[n] === i; })[0];
      if (!name || !list.buttons.some(function (b) { return b.dataset.sort === name; })) continue;
      var th = cells[i];
      var button = el("button", "lit-sort-heading", th.textContent.trim());
      button.type = "button";
      button.addEventListener("click", setSort.bind(null, list, name));
      th.textContent = "";
      th.appendChild(button);
      list.headers[name] = th;
    }
  }

  function columnsOf(list) {
    var columns = { id: 0 };
    var first = list.rows[0].tr;
    for (var i = 0; i < first.cells.length; i++) {
      if (first.cells[i].querySelector(".lit-title")) columns.title = i;
      if (first.cells[i].querySelector(".lit-date")) columns.date = i;
    }
    return columns;
  }

  function enhance(table, data, found, n) {
    var list = {
      n: n,
      table: table,
      body: table.tBodies[0],
      rows: found.rows,
      caps: found.caps,
      original: Array.prototype.slice.call(table.tBodies[0].rows),
      strings: data.strings,
      selects: {},
      buttons: [],
      headers: {},
      typing: false
    };
    var cap = null;
    list.original.forEach(function (tr) {
      if (tr.classList.contains("cap")) cap = tr;
      else if (tr.row) tr.row.cap = cap;
    });
    list.rows.forEach(function (row, i) { row.index = i; });
    list.state = readState(list);
    var box = controls(list, data);
    var anchor = table.parentElement && table.parentElement.classList.contains("table-wrapper") ? table.parentElement : table;
    anchor.parentNode.insertBefore(box, anchor);
    table.classList.add("lit-interactive");
    if (!found.caps.length) {
      list.columns = columnsOf(list);
      sortableHeadings(list);
    }
    apply(list);
    lists.push(list);
  }

  function parse(script) {
    try {
      return JSON.parse(script.textContent);
    } catch (e) {
      return null;
    }
  }

  function init() {
    var n = 0;
    document.querySelectorAll("script.lit-list-data").forEach(function (script) {
      var data = parse(script);
      if (!data) return;
      var table;
      var found;
      if (script.id === "lit-index-data") {
        table = document.querySelector("table.modindextable, table.domainindex-table");
        if (!table || !table.tBodies.length) return;
        found = indexRows(table, data);
        if (found) {
          found.rows.forEach(function (row) { row.tr.row = row; });
        }
      } else {
        var before = script.previousElementSibling;
        table = before && (before.matches("table") ? before : before.querySelector("table.lit-episode-list"));
        found = table && listRows(table, data);
      }
      if (found) enhance(table, data, found, ++n);
    });
    if (!lists.length) return;
    window.addEventListener("popstate", function () {
      lists.forEach(function (list) {
        list.state = readState(list);
        list.typing = false;
        apply(list);
      });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
