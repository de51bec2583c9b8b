// graphbuild's page script. Article text arrives as JSON and is only ever shown with
// textContent (or vis-network's plain-text tooltips); positions come from the build,
// so nothing moves when the page opens.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("gb-data").textContent);
  var docs = data.docs;
  var byId = {};
  data.nodes.forEach(function (n) { byId[n.id] = n; });
  var incident = {};
  data.edges.forEach(function (e) {
    (incident[e.from] = incident[e.from] || []).push(e);
    (incident[e.to] = incident[e.to] || []).push(e);
  });
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var state = { classes: {}, predicates: {}, articles: false, alone: false, undated: true,
                lo: data.span ? data.span[0] : 0, hi: data.span ? data.span[1] : 0 };
  var nodeOn = {}, edgeOn = {}, edgeLabel = {}, ticks = {};
  var nodeView = new vis.DataView(nodes, { filter: function (n) { return nodeOn[n.id] === true; } });
  var edgeView = new vis.DataView(edges, { filter: function (e) { return edgeOn[e.id] === true; } });

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = text; }
    if (cls) { e.className = cls; }
    return e;
  }
  function isoDay(day) { return new Date(day * 86400000).toISOString().slice(0, 10); }

  // Time: an item is in range when one of its day spans meets [lo, hi]; an item
  // without any date shows only while "undated" is ticked.
  function spansIn(spans) {
    if (!spans.length) { return state.undated; }
    for (var i = 0; i < spans.length; i++) {
      if (spans[i][0] <= state.hi && spans[i][1] >= state.lo) { return true; }
    }
    return false;
  }
  function statementsIn(st) {
    if (!st.length) { return state.undated; }
    for (var i = 0; i < st.length; i++) {
      var day = st[i][3] >= 0 ? docs[st[i][3]].day : null;
      if (day === null ? state.undated : (day >= state.lo && day <= state.hi)) { return true; }
    }
    return false;
  }
  function factOn(f) {
    if (state.predicates[f.p]) { return false; }
    return f.role ? spansIn(byId[f.from].t) : statementsIn(f.st);
  }
  function labelOf(e, facts) {
    var directed = facts.filter(function (f) { return !f.sym; });
    var mixed = directed.some(function (f) { return f.from !== directed[0].from; });
    var seen = {}, lines = [];
    facts.forEach(function (f) {
      var line = mixed ? (f.from === e.from ? f.p + " \u2192" : "\u2190 " + f.p) : f.p;
      if (!seen[line]) { seen[line] = true; lines.push(line); }
    });
    return lines.join("\n");
  }

  function recompute() {
    var timeOk = {}, linkedOn = {}, changes = [];
    data.nodes.forEach(function (n) { if (n.kind !== "entity") { timeOk[n.id] = spansIn(n.t); } });
    var factsOn = {};
    data.edges.forEach(function (e) {
      if (e.kind === "article") { return; }
      var on = e.facts.filter(factOn);
      factsOn[e.id] = on;
      if (on.length) { linkedOn[e.from] = true; linkedOn[e.to] = true; }
    });
    data.nodes.forEach(function (n) {
      var on;
      if (state.classes[n.group]) { on = false; }
      else if (n.kind === "article") { on = state.articles && timeOk[n.id]; }
      else if (n.isolated) { on = state.alone; }
      else if (n.kind === "event") { on = timeOk[n.id] && linkedOn[n.id] === true; }
      else { on = linkedOn[n.id] === true; }
      nodeOn[n.id] = on;
    });
    data.edges.forEach(function (e) {
      var ends = nodeOn[e.from] && nodeOn[e.to];
      if (e.kind === "article") { edgeOn[e.id] = ends; return; }
      var on = factsOn[e.id];
      edgeOn[e.id] = ends && on.length > 0;
      if (on.length) {
        var label = labelOf(e, on);
        if ((edgeLabel[e.id] || e.label) !== label) { edgeLabel[e.id] = label; changes.push({ id: e.id, label: label }); }
      }
    });
    if (changes.length) { edges.update(changes); }
    nodeView.refresh();
    edgeView.refresh();
    drawTimeline();
    window.gbRecomputed = (window.gbRecomputed || 0) + 1;
  }

  recompute();
  var container = document.getElementById("gb-graph");
  var network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, data.options);
  window.gbNetwork = network; window.gbNodes = nodes; window.gbEdges = edges;
  window.gbNodeView = nodeView; window.gbEdgeView = edgeView; window.gbSpan = data.span;
  network.once("afterDrawing", function () { window.gbStable = true; });

  // Legend, class and predicate filters, layers.
  function checkbox(parent, text, checked, onChange, swatch) {
    var label = el("label");
    var box = el("input"); box.type = "checkbox"; box.checked = checked;
    box.addEventListener("change", function () { onChange(box.checked); recompute(); });
    label.appendChild(box);
    if (swatch) { label.appendChild(swatch); }
    label.appendChild(el("span", text));
    parent.appendChild(label);
    return box;
  }
  var classBox = document.getElementById("gb-classes");
  data.classes.forEach(function (c) {
    var sw = el("span", undefined, "gb-swatch" + (c.event ? " gb-event" : ""));
    sw.style.background = c.color;
    checkbox(classBox, c.name + " (" + c.count + ")", true, function (on) { state.classes[c.name] = !on; }, sw);
  });
  var predicateBox = document.getElementById("gb-predicates");
  if (!data.predicates.length) { predicateBox.appendChild(el("span", "none in this graph")); }
  data.predicates.forEach(function (p) {
    checkbox(predicateBox, p.name + " (" + p.count + ")", true, function (on) { state.predicates[p.name] = !on; });
  });
  var alone = data.nodes.filter(function (n) { return n.isolated; });
  document.getElementById("gb-articles-text").textContent = "Articles (" + data.articles + "), linked to what they mention";
  document.getElementById("gb-alone-text").textContent = "Unconnected entities (" + alone.length + ")";
  document.getElementById("gb-show-articles").addEventListener("change", function (ev) {
    state.articles = ev.target.checked; recompute();
  });
  document.getElementById("gb-show-alone").addEventListener("change", function (ev) {
    state.alone = ev.target.checked; recompute();
  });

  // Details of the selection: every statement, with its evidence and its article.
  var details = document.getElementById("gb-details");
  var HINT = "Click a node or an edge for its statements and evidence; click the background to clear.";
  function clearDetails() { details.textContent = ""; details.appendChild(el("div", HINT, "gb-sub")); }
  function docMeta(d) {
    var doc = d >= 0 ? docs[d] : null;
    if (!doc) { return []; }
    return [doc.headline || "(no headline)", doc.date || "undated", doc.source];
  }
  function statementBlock(parent, fact, sentence, meta) {
    var box = el("div", undefined, "gb-statement");
    if (fact) { box.appendChild(el("div", fact, "gb-fact")); }
    if (sentence) { box.appendChild(el("div", "\u201c" + sentence + "\u201d", "gb-sentence")); }
    box.appendChild(el("div", meta.filter(function (m) { return m !== ""; }).join(" \u00b7 "), "gb-meta"));
    parent.appendChild(box);
  }
  function nodeLink(parent, id, text) {
    var b = el("button", text, "gb-link");
    b.type = "button";
    b.addEventListener("click", function () { select(id); });
    parent.appendChild(b);
    return b;
  }
  function factText(f) {
    return byId[f.from].full_label + " \u2192 " + f.p + " \u2192 " + byId[f.to].full_label;
  }
  function factStatements(parent, f) {
    if (!f.st.length) {
      statementBlock(parent, factText(f), null, ["confidence " + f.conf.toFixed(2), f.mod, "no source sentence"]);
    }
    f.st.forEach(function (s) {
      statementBlock(parent, factText(f), s[0], [f.p, "confidence " + Number(s[1]).toFixed(2), s[2]].concat(docMeta(s[3])));
    });
  }
  function docList(parent, list) {
    var ul = el("ul");
    list.forEach(function (d) { ul.appendChild(el("li", docMeta(d).join(" \u00b7 "))); });
    parent.appendChild(ul);
  }
  function showNode(id) {
    var n = byId[id];
    details.textContent = "";
    details.appendChild(el("div", n.kind === "event" ? n.label : n.full_label, "gb-title"));
    if (n.kind === "event") { details.appendChild(el("div", n.full_label)); }
    var sub = n.kind === "event" ? [n.cls, n.date || "undated", "reported in " + n.docs.length + " article(s)"]
      : n.kind === "article" ? ["Article", n.date || "undated"]
      : [n.cls, n.mentions + " mention(s) in " + n.docs.length + " article(s)"];
    details.appendChild(el("div", sub.join(" \u00b7 "), "gb-sub"));
    if (n.names.length > 1 && n.kind === "entity") { details.appendChild(el("div", "Also: " + n.names.slice(1).join("; "), "gb-sub")); }
    if (n.wikidata) {
      var a = el("a", "Wikidata " + n.wikidata);
      a.href = "https://www.wikidata.org/wiki/" + encodeURIComponent(n.wikidata);
      a.rel = "noopener noreferrer"; a.target = "_blank";
      details.appendChild(a);
    }
    if (!nodeOn[id]) { details.appendChild(el("div", "Not drawn with the current filters.", "gb-sub")); }
    var own = incident[id] || [];
    if (n.kind === "event") {
      details.appendChild(el("h3", "Statements (" + n.ev.length + ")"));
      n.ev.forEach(function (e) {
        statementBlock(details, n.cls + " (" + n.date + ")", e[0], ["confidence " + n.conf.toFixed(2), n.mod].concat(docMeta(e[1])));
      });
      details.appendChild(el("h3", "Roles"));
      own.forEach(function (e) {
        if (e.kind === "article") { return; }
        e.facts.forEach(function (f) {
          var row = el("div", f.p + ": ");
          nodeLink(row, f.to, byId[f.to].full_label);
          details.appendChild(row);
        });
      });
    } else if (n.kind === "article") {
      docList(details, n.docs);
      details.appendChild(el("h3", "Mentions"));
      own.forEach(function (e) {
        var row = el("div"); nodeLink(row, e.to, byId[e.to].label); details.appendChild(row);
      });
    } else {
      var facts = [];
      own.forEach(function (e) { if (e.kind === "fact") { facts = facts.concat(e.facts.filter(function (f) { return !f.role; })); } });
      var count = facts.reduce(function (s, f) { return s + Math.max(f.st.length, 1); }, 0);
      details.appendChild(el("h3", "Statements (" + count + ")"));
      facts.forEach(function (f) { factStatements(details, f); });
      var roles = [];
      own.forEach(function (e) { if (e.kind === "role") { roles = roles.concat(e.facts); } });
      if (roles.length) {
        details.appendChild(el("h3", "Events (" + roles.length + ")"));
        roles.forEach(function (f) {
          var row = el("div", f.p + " in ");
          nodeLink(row, f.from, byId[f.from].label);
          details.appendChild(row);
        });
      }
      details.appendChild(el("h3", "Articles"));
      docList(details, n.docs);
    }
  }
  function showEdge(id) {
    var e = edges.get(id);
    details.textContent = "";
    details.appendChild(el("div", byId[e.from].full_label + " \u2014 " + byId[e.to].full_label, "gb-title"));
    if (e.kind === "article") { details.appendChild(el("div", e.title, "gb-sub")); return; }
    var count = e.facts.reduce(function (s, f) { return s + Math.max(f.st.length, 1); }, 0);
    details.appendChild(el("h3", "Statements (" + count + ")"));
    e.facts.forEach(function (f) {
      if (f.role) { statementBlock(details, factText(f), null, [f.p, "confidence " + f.conf.toFixed(2), f.mod]); }
      else { factStatements(details, f); }
    });
  }
  clearDetails();

  // Neighbourhood highlight.
  function highlight(id) {
    var keep = {};
    keep[id] = true;
    network.getConnectedNodes(id).forEach(function (n) { keep[n] = true; });
    nodes.update(data.nodes.map(function (n) { return { id: n.id, opacity: keep[n.id] ? 1 : 0.2 }; }));
  }
  function clearHighlight() {
    nodes.update(data.nodes.map(function (n) { return { id: n.id, opacity: 1 }; }));
  }
  function select(id) {
    markTick(id);
    if (nodeOn[id]) {
      network.selectNodes([id]);
      network.focus(id, { scale: Math.max(network.getScale(), 0.8), animation: false });
      highlight(id);
    } else {
      network.unselectAll();
      clearHighlight();
    }
    showNode(id);
  }
  network.on("click", function (params) {
    if (params.nodes.length) { markTick(params.nodes[0]); highlight(params.nodes[0]); showNode(params.nodes[0]); }
    else if (params.edges.length) { markTick(null); clearHighlight(); showEdge(params.edges[0]); }
    else { markTick(null); network.unselectAll(); clearHighlight(); clearDetails(); }
  });

  // Search by any name, over every node (drawn or not).
  var names = document.getElementById("gb-names");
  var index = [];
  data.nodes.forEach(function (n) {
    n.names.forEach(function (name) {
      index.push({ key: name.toLowerCase(), id: n.id, primary: name === n.full_label });
      if (n.kind !== "article") { var opt = el("option"); opt.value = name; names.appendChild(opt); }
    });
  });
  // Every node of the best rank, primary names first: nodes that share a name (two
  // undated "Visit, China") are all reached, Enter stepping to the next.
  function findAll(query) {
    var q = query.trim().toLowerCase();
    if (!q) { return []; }
    var found = [[], [], [], []];
    index.forEach(function (entry) {
      var r = entry.key === q ? 0 : (entry.key.indexOf(q) === 0 ? 1 : (entry.key.indexOf(" " + q) >= 0 ? 2 : (entry.key.indexOf(q) >= 0 ? 3 : 9)));
      if (r < 9) { found[r].push(entry); }
    });
    for (var r = 0; r < 4; r++) {
      if (found[r].length) {
        var primary = found[r].filter(function (e) { return e.primary; });
        var ids = [];
        primary.concat(found[r]).forEach(function (e) { if (ids.indexOf(e.id) < 0) { ids.push(e.id); } });
        return ids;
      }
    }
    return [];
  }
  function find(query) { var ids = findAll(query); return ids.length ? ids[0] : null; }
  var status = document.getElementById("gb-search-status");
  var matches = [], current = 0;
  function showMatch() {
    var id = matches[current];
    status.textContent = byId[id].full_label + (matches.length > 1 ? " (" + (current + 1) + " of " + matches.length + ", Enter: next)" : "");
    select(id);
  }
  var searchBox = document.getElementById("gb-search");
  searchBox.addEventListener("input", function (ev) {
    matches = findAll(ev.target.value); current = 0;
    if (!matches.length) { status.textContent = ev.target.value.trim() ? "no match" : ""; return; }
    showMatch();
  });
  searchBox.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter" && matches.length) { current = (current + 1) % matches.length; showMatch(); }
  });
  window.gbLookup = find;
  window.gbLookupAll = findAll;
  window.gbFind = function (query) { var id = find(query); if (id !== null) { select(id); } return id; };

  // Unconnected entities: listed, filterable, drawn on demand.
  var aloneList = document.getElementById("gb-alone-list");
  var aloneFilter = document.getElementById("gb-alone-filter");
  if (!alone.length) {
    document.getElementById("gb-alone-heading").hidden = true; aloneFilter.hidden = true;
  }
  function listAlone() {
    var q = aloneFilter.value.trim().toLowerCase();
    aloneList.textContent = "";
    var shown = 0, matches = alone.filter(function (n) {
      return !q || n.names.some(function (name) { return name.toLowerCase().indexOf(q) >= 0; });
    });
    matches.slice(0, 300).forEach(function (n) {
      var li = el("li");
      nodeLink(li, n.id, n.full_label);
      li.appendChild(el("span", " \u00b7 " + n.cls + " \u00b7 " + n.mentions + " mention(s)", "gb-sub"));
      aloneList.appendChild(li);
      shown++;
    });
    if (matches.length > shown) { aloneList.appendChild(el("li", "\u2026 and " + (matches.length - shown) + " more: refine the filter", "gb-sub")); }
  }
  aloneFilter.addEventListener("input", listAlone);
  listAlone();

  // Date range (two handles over the span of event and article dates) and the timeline strip.
  var timeBox = document.getElementById("gb-time");
  var from = document.getElementById("gb-from"), to = document.getElementById("gb-to");
  var rangeText = document.getElementById("gb-range-text"), trackOn = document.getElementById("gb-track-on");
  var strip = document.getElementById("gb-timeline");
  var length = data.span ? Math.max(data.span[1] - data.span[0], 1) : 1;
  function where(day) { return "calc(7px + " + ((day - data.span[0]) / length) + " * (100% - 14px))"; }
  function onRange(ev) {
    var a = Number(from.value), b = Number(to.value);
    if (a > b) { if (ev && ev.target === from) { from.value = b; a = b; } else { to.value = a; b = a; } }
    state.lo = data.span[0] + a; state.hi = data.span[0] + b;
    rangeText.textContent = isoDay(state.lo) + " \u2013 " + isoDay(state.hi);
    trackOn.style.left = where(state.lo);
    trackOn.style.width = "calc(" + ((state.hi - state.lo) / length) + " * (100% - 14px))";
    recompute();
  }
  function markTick(id) {
    Object.keys(ticks).forEach(function (k) { ticks[k].classList.toggle("gb-on", k === id); });
  }
  function drawTimeline() {
    Object.keys(ticks).forEach(function (k) {
      ticks[k].classList.toggle("gb-out", !nodeOn[k]);
      ticks[k].hidden = state.classes.Event === true;
    });
  }
  if (data.span) {
    timeBox.hidden = false;
    from.max = to.max = String(data.span[1] - data.span[0]);
    from.value = "0"; to.value = to.max;
    from.addEventListener("input", onRange); to.addEventListener("input", onRange);
    document.getElementById("gb-undated").addEventListener("change", function (ev) {
      state.undated = ev.target.checked; recompute();
    });
    var events = data.nodes.filter(function (n) { return n.kind === "event" && n.t.length; });
    events.sort(function (a, b) { return a.t[0][0] - b.t[0][0] || (a.id < b.id ? -1 : 1); });
    var lanes = [];
    events.forEach(function (n) {
      var mid = (n.t[0][0] + n.t[0][1]) / 2, lane = 0;
      // Stack ticks that would touch on up to four lanes.
      while (lane < 3 && lanes[lane] !== undefined && mid - lanes[lane] < length / 120) { lane++; }
      lanes[lane] = mid;
      var b = el("button", undefined, "gb-tick");
      b.type = "button"; b.title = n.label; b.setAttribute("aria-label", n.label);
      b.dataset.id = n.id;
      b.style.left = where(mid); b.style.top = (3 + lane * 7) + "px";
      b.addEventListener("click", function () { select(n.id); });
      strip.appendChild(b);
      ticks[n.id] = b;
    });
    var first = el("span", isoDay(data.span[0]), "gb-axis"); first.style.left = "0";
    var last = el("span", isoDay(data.span[1]), "gb-axis"); last.style.right = "0";
    strip.appendChild(first); strip.appendChild(last);
    onRange();
  }
})();
