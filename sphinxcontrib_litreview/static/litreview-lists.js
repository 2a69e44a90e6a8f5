/* sphinxcontrib-litreview: interactive episode tables (litreview_interactive).
   A JSON block (script.lit-list-data) after a table list, or in the Episode
   index's head, holds per row what the table does not show. Above the table: a
   filter, facet selects with counts, sort buttons, a live count; the state is in
   the address (?q=…&sort=-date). Text is matched as text, never as a pattern. */
(function () {
  "use strict";

  var lang = document.documentElement.lang || undefined;
  var collator = new Intl.Collator(lang, { numeric: true, sensitivity: "base" });
  var numbers = new Intl.NumberFormat(lang);
  var FACETS = ["topic", "tag", "year"];
  var SORTS = ["id", "title", "date"];
  var KEYS = ["q", "sort"].concat(FACETS);
  var UNDATED = "undated";
  var lists = [];

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text) node.textContent = text;
    return node;
  }

  function text(node) {
    return node ? node.textContent.trim() : "";
  }

  function makeRow(tr, d, title, data) {
    return {
      tr: tr,
      id: d[0],
      date: d[1],
      title: title,
      facets: { topic: d[4].map(function (i) { return data.topics[i][0]; }), tag: d[3], year: [d[1].slice(0, 4) || UNDATED] },
      text: [tr.textContent, d[2], d[3].join(" "), d[5]].join(" ").toLocaleLowerCase(),
      shown: true
    };
  }

  /* A table list's body rows, paired with the data by position, checked by ID. */
  function listRows(table, data) {
    var trs = table.tBodies.length ? table.tBodies[0].rows : [];
    if (trs.length !== data.rows.length) return null;
    var rows = [];
    for (var i = 0; i < trs.length; i++) {
      if (text(trs[i].cells[0]) !== data.rows[i][0]) return null;
      rows.push(makeRow(trs[i], data.rows[i], text(trs[i].querySelector(".lit-title")), data));
    }
    return rows;
  }

  /* The Episode index's entry rows, by the ID in their link; each remembers its year row. */
  function indexRows(table, data) {
    var byId = {};
    var rows = [];
    var cap = null;
    data.rows.forEach(function (d) { byId[d[0]] = d; });
    Array.prototype.forEach.call(table.tBodies[0].rows, function (tr) {
      if (tr.classList.contains("cap")) cap = tr;
      var d = byId[text(tr.querySelector("a code"))];
      if (!d || tr.classList.contains("cap")) return;
      var row = makeRow(tr, d, text(tr.cells[tr.cells.length - 1]), data);
      row.cap = cap;
      rows.push(row);
    });
    return rows;
  }

  /* Query keys per list: "q" for a page's first list, "q2" for its second, … */
  function key(list, name) {
    return name + (list.n > 1 ? list.n : "");
  }

  function readState(list) {
    var params = new URLSearchParams(location.search);
    var state = {};
    KEYS.forEach(function (name) { state[name] = params.get(key(list, name)) || ""; });
    if (SORTS.indexOf(state.sort.replace(/^-/, "")) < 0) state.sort = "";
    return state;
  }

  function writeState(list, push) {
    var params = new URLSearchParams(location.search);
    KEYS.forEach(function (name) {
      if (list.state[name]) params.set(key(list, name), list.state[name]);
      else params.delete(key(list, name));
    });
    var search = params.toString();
    var url = location.pathname + (search ? "?" + search : "") + location.hash;
    if (url === location.pathname + location.search + location.hash) return;
    try {
      if (push) history.pushState({ litreview: true }, "", url);
      else history.replaceState(history.state, "", url);
    } catch (e) { /* refused: the view changes, the address not */ }
  }

  function changed(state) {
    return KEYS.some(function (name) { return state[name]; });
  }

  /* Show the rows that pass; count each facet's values among the rows that pass
     every other filter; one pass over the rows. */
  function filter(list) {
    var state = list.state;
    var terms = state.q.toLocaleLowerCase().split(/\s+/).filter(Boolean);
    var active = FACETS.filter(function (f) { return state[f]; });
    var counts = { topic: {}, tag: {}, year: {} };
    var shown = 0;
    list.rows.forEach(function (row) {
      var i, textOk = true, miss = 0, missed = null;
      for (i = 0; i < terms.length && textOk; i++) textOk = row.text.indexOf(terms[i]) >= 0;
      for (i = 0; i < active.length; i++) {
        if (row.facets[active[i]].indexOf(state[active[i]]) < 0) { miss++; missed = active[i]; }
      }
      var ok = textOk && !miss;
      if (ok) shown++;
      if (ok !== row.shown) row.tr.hidden = !(row.shown = ok);
      if (!textOk || miss > 1) return;
      FACETS.forEach(function (f) {
        if (miss && f !== missed) return;
        row.facets[f].forEach(function (v) { counts[f][v] = (counts[f][v] || 0) + 1; });
      });
    });
    FACETS.forEach(function (f) {
      var select = list.selects[f];
      if (!select) return;
      if (select.value !== state[f]) select.value = state[f];
      for (var i = 1; i < select.options.length; i++) {
        var option = select.options[i];
        var count = counts[f][option.value] || 0;
        if (option.count === count) continue;
        option.count = count;
        option.textContent = option.dataset.label + " (" + numbers.format(count) + ")";
        option.disabled = !count && option.value !== state[f];
      }
    });
    showCaps(list);
    var line = list.strings.count
      .replace("{shown}", numbers.format(shown))
      .replace("{total}", numbers.format(list.rows.length));
    if (list.count.textContent !== line) list.count.textContent = line;
    list.clear.disabled = !changed(state);
  }

  /* The Episode index's year rows (and spacers): shown, in its own order, where a row is. */
  function showCaps(list) {
    if (!list.caps.length) return;
    var seen = new Set();
    if (!list.state.sort) list.rows.forEach(function (row) { if (row.shown) seen.add(row.cap); });
    list.caps.forEach(function (tr) {
      tr.hidden = !seen.has(tr.classList.contains("pcap") ? tr.nextElementSibling : tr);
    });
  }

  function compare(name) {
    return function (a, b) {
      var c = 0;
      if (name === "date") c = !a.date !== !b.date ? (a.date ? -1 : 1) : a.date < b.date ? -1 : a.date > b.date ? 1 : 0;
      else if (name === "title") c = collator.compare(a.title, b.title);
      return c || collator.compare(a.id, b.id);
    };
  }

  /* Each order computed once per key and direction; undated rows last both ways. */
  function orderOf(list, sort) {
    if (!sort) return list.original;
    if (!list.orders[sort]) {
      var name = sort.replace(/^-/, "");
      var order = list.rows.slice().sort(compare(name));
      if (sort !== name) {
        order.reverse();
        if (name === "date") {
          order = order.filter(function (r) { return r.date; })
            .concat(order.filter(function (r) { return !r.date; }).reverse());
        }
      }
      list.orders[sort] = order.map(function (r) { return r.tr; });
    }
    return list.orders[sort];
  }

  function sort(list) {
    var order = orderOf(list, list.state.sort);
    if (order !== list.current) {
      /* in a detached body: one change to the page, not one per row */
      var parent = list.body.parentNode, next = list.body.nextSibling;
      parent.removeChild(list.body);
      order.forEach(function (tr) { list.body.appendChild(tr); });
      parent.insertBefore(list.body, next);
      list.current = order;
    }
    var name = list.state.sort.replace(/^-/, "");
    var direction = list.state.sort.charAt(0) === "-" ? "descending" : "ascending";
    list.buttons.forEach(function (button) {
      var on = button.dataset.sort === name;
      var th = list.headers[button.dataset.sort];
      button.setAttribute("aria-pressed", String(on));
      button.lastChild.textContent = on ? (direction === "descending" ? " ▼" : " ▲") : "";
      if (th && on) th.setAttribute("aria-sort", direction);
      else if (th) th.removeAttribute("aria-sort");
    });
    showCaps(list);
    list.clear.disabled = !changed(list.state);
  }

  function apply(list) {
    sort(list);
    filter(list);
    list.input.value = list.state.q;
  }

  /* A column: ascending first (the date newest first), then the other way. */
  function setSort(list, name) {
    var first = name === "date" ? "-date" : name;
    list.state.sort = list.state.sort === first ? (first === name ? "-" + name : name) : first;
    list.typing = false;
    sort(list);
    writeState(list, true);
  }

  function labelled(list, cls, label, control) {
    var wrap = el("label", cls);
    wrap.appendChild(el("span", "lit-facet-label", list.strings[label]));
    wrap.appendChild(control);
    return wrap;
  }

  function facetSelect(list, facet, values, label) {
    var select = el("select");
    select.name = key(list, facet);
    select.appendChild(new Option(list.strings["all-" + facet], ""));
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
    list.selects[facet] = select;
    return labelled(list, "lit-facet", facet, select);
  }

  function distinct(list, facet) {
    var seen = new Set();
    list.rows.forEach(function (row) { row.facets[facet].forEach(function (v) { seen.add(v); }); });
    return Array.from(seen).sort(function (a, b) {
      // years newest first, undated last
      return facet === "year" ? (a === UNDATED) - (b === UNDATED) || collator.compare(b, a) : collator.compare(a, b);
    });
  }

  function button(cls, label, onclick) {
    var b = el("button", cls, label);
    b.type = "button";
    b.addEventListener("click", onclick);
    return b;
  }

  function controls(list, data) {
    var box = el("div", "lit-filter");
    box.setAttribute("role", "search");
    var input = el("input");
    input.type = "search";
    input.name = key(list, "q");
    input.placeholder = list.strings.placeholder;
    input.autocomplete = "off";
    input.spellcheck = false;
    box.appendChild(labelled(list, "lit-filter-text", "filter", input));
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
      if (e.key !== "Escape" || !input.value) return;
      e.preventDefault();
      input.value = "";
      input.dispatchEvent(new Event("input"));
    });
    var titles = new Map(data.topics);
    var labels = {
      topic: function (v) { return titles.get(v) || v; },
      tag: function (v) { return v; },
      year: function (v) { return v === UNDATED ? list.strings.undated : v; }
    };
    FACETS.forEach(function (facet) {
      var values = distinct(list, facet);
      // a facet with one value cannot narrow anything
      if (values.length > 1 || list.state[facet]) box.appendChild(facetSelect(list, facet, values, labels[facet]));
    });
    var sorts = el("div", "lit-sort");
    sorts.setAttribute("role", "group");
    sorts.setAttribute("aria-label", list.strings.sort);
    sorts.appendChild(el("span", "lit-facet-label", list.strings.sort));
    SORTS.forEach(function (name) {
      if (!list.rows.some(function (r) { return name === "id" || r[name]; })) return;
      var b = button("lit-sort-button", list.strings[name], function () { setSort(list, name); });
      b.dataset.sort = name;
      b.appendChild(el("span", "lit-sort-arrow"));
      sorts.appendChild(b);
      list.buttons.push(b);
    });
    box.appendChild(sorts);
    list.clear = button("lit-filter-clear", list.strings.clear, function () {
      KEYS.forEach(function (name) { list.state[name] = ""; });
      list.typing = false;
      apply(list);
      writeState(list, true);
      input.focus();
    });
    box.appendChild(list.clear);
    list.count = el("p", "lit-filter-count");
    list.count.setAttribute("role", "status");
    list.count.setAttribute("aria-live", "polite");
    box.appendChild(list.count);
    return box;
  }

  /* A table list's headings sort too: their words become a button. */
  function sortableHeadings(list) {
    var head = list.table.tHead;
    var first = list.rows[0].tr;
    if (!head) return;
    Array.prototype.forEach.call(head.rows[0].cells, function (th, i) {
      var cell = first.cells[i];
      var name = i === 0 ? "id" : cell.querySelector(".lit-title") ? "title" : cell.querySelector(".lit-date") ? "date" : "";
      if (!list.buttons.some(function (b) { return b.dataset.sort === name; })) return;
      var b = button("lit-sort-heading", text(th), function () { setSort(list, name); });
      th.textContent = "";
      th.appendChild(b);
      list.headers[name] = th;
    });
  }

  function enhance(table, data, rows, n) {
    var original = Array.prototype.slice.call(table.tBodies[0].rows);
    var list = {
      n: n,
      table: table,
      body: table.tBodies[0],
      rows: rows,
      caps: original.filter(function (tr) { return tr.matches(".cap, .pcap"); }),
      original: original,
      current: original,
      strings: data.strings,
      selects: {},
      buttons: [],
      headers: {},
      orders: {},
      typing: false
    };
    list.state = readState(list);
    var wrapper = table.parentElement.classList.contains("table-wrapper") ? table.parentElement : table;
    wrapper.parentNode.insertBefore(controls(list, data), wrapper);
    table.classList.add("lit-interactive");
    if (!list.caps.length) sortableHeadings(list);
    apply(list);
    lists.push(list);
  }

  function init() {
    document.querySelectorAll("script.lit-list-data").forEach(function (script) {
      var data, table, rows;
      try {
        data = JSON.parse(script.textContent);
      } catch (e) {
        return;
      }
      if (script.id === "lit-index-data") {
        table = document.querySelector("table.modindextable, table.domainindex-table");
        rows = table && table.tBodies.length && indexRows(table, data);
      } else {
        var before = script.previousElementSibling;
        table = before && (before.matches("table") ? before : before.querySelector("table.lit-episode-list"));
        rows = table && listRows(table, data);
      }
      if (rows && rows.length) enhance(table, data, rows, lists.length + 1);
    });
    window.addEventListener("popstate", function () {
      lists.forEach(function (list) {
        list.state = readState(list);
        list.typing = false;
        apply(list);
      });
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
