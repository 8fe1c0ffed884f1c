/* Alliance map page. Every text from the data is untrusted (news titles and sentences):
   it reaches the DOM only through textContent, attributes through setAttribute after checks. */
(function () {
  "use strict";
  var DATA = JSON.parse(document.getElementById("map-data").textContent);
  var META = DATA.meta;
  var TYPE_WORD = { PARTNERSHIP: "partnership", SUPPLIES: "supplies", OPPOSES: "opposes" };
  var started = performance.now();

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  function safeUrl(u) {
    if (typeof u !== "string") return null;
    try {
      var parsed = new URL(u);
      return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
    } catch (err) { return null; }
  }
  function fmt(x, digits) { return typeof x === "number" ? x.toFixed(digits === undefined ? 2 : digits) : "–"; }
  function span(first, last) {
    if (!first && !last) return "undated";
    if (first === last) return first;
    return (first || "?") + " – " + (last || "?");
  }

  var nodeInfo = new Map(DATA.nodes.map(function (n) { return [n.id, n]; }));
  var edgeInfo = new Map(DATA.edges.map(function (e) { return [e.id, e]; }));
  function nameOf(id) { var n = nodeInfo.get(id); return n ? n.name : id; }
  function edgeHeadline(e) {
    var word = TYPE_WORD[e.type] || e.type;
    return e.type === "PARTNERSHIP"
      ? nameOf(e.from) + " — " + word + " — " + nameOf(e.to)
      : nameOf(e.from) + " → " + word + " → " + nameOf(e.to);
  }

  /* --- tooltips: DOM elements built with textContent ------------------------------- */
  function nodeTip(n) {
    var box = el("div");
    box.appendChild(el("div", n.name, "tip-title"));
    var bloc = n.bloc !== null && n.bloc !== undefined ? DATA.blocs[n.bloc] : null;
    box.appendChild(el("div", (n.kind || "actor") + (bloc ? " · bloc: " + bloc.label : ""), "tip-sub"));
    box.appendChild(el("div", n.degree + " relations · weight " + fmt(n.weight, 1), "tip-sub"));
    return box;
  }
  function edgeTip(e) {
    var box = el("div");
    box.appendChild(el("div", edgeHeadline(e), "tip-title"));
    box.appendChild(el("div", e.statements + " statements in " + e.documents + " documents · confidence " +
      fmt(e.confidence) + (e.speculative ? " · speculative" : ""), "tip-sub"));
    box.appendChild(el("div", span(e.first_seen, e.last_seen), "tip-sub"));
    if (e.items && e.items.length) box.appendChild(el("div", "items: " + e.items.join(", ")));
    box.appendChild(el("div", "Click for the evidence", "tip-sub"));
    return box;
  }

  var degree = new Map();
  DATA.edges.forEach(function (e) {
    degree.set(e.from, (degree.get(e.from) || 0) + 1);
    degree.set(e.to, (degree.get(e.to) || 0) + 1);
  });
  DATA.nodes.forEach(function (n) { n.degree = degree.get(n.id) || 0; });

  var nodes = new vis.DataSet(DATA.vis.nodes.map(function (v) {
    return Object.assign({}, v, { title: nodeTip(nodeInfo.get(v.id)) });
  }));
  var edges = new vis.DataSet(DATA.vis.edges.map(function (v) {
    return Object.assign({}, v, { title: edgeTip(edgeInfo.get(v.id)) });
  }));

  /* --- filters (client side, so the standalone file filters too) ------------------- */
  var state = { types: new Set(["PARTNERSHIP", "SUPPLIES", "OPPOSES"]), since: "", until: "", minConf: 0, focus: null, upto: null };
  /* Months of each edge's statements ("YYYY-MM" -> count): the time slider shows an edge from
     its first month on (state.upto: the slider's month; null at its right end, no limit). */
  DATA.edges.forEach(function (e) {
    var months = Object.keys(e.months || {}).sort();
    e.first_month = months.length ? months[0] : null;
  });
  function statementsUpTo(e, month) {
    var n = 0;
    Object.keys(e.months || {}).forEach(function (m) { if (m <= month) n += e.months[m]; });
    return n;
  }
  var visibleEdges = new Set();
  var visibleNodes = new Set();

  function edgePasses(e) {
    if (!state.types.has(e.type)) return false;
    if (e.confidence < state.minConf - 1e-9) return false;
    if (state.since && !(e.last_seen && e.last_seen >= state.since)) return false;
    if (state.until && !(e.first_seen && e.first_seen <= state.until)) return false;
    if (state.focus && !(state.focus === e.from || state.focus === e.to)) return false;
    if (state.upto && !(e.first_month && e.first_month <= state.upto)) return false;
    return true;
  }
  function recompute() {
    visibleEdges = new Set();
    visibleNodes = new Set();
    DATA.edges.forEach(function (e) {
      if (edgePasses(e)) { visibleEdges.add(e.id); visibleNodes.add(e.from); visibleNodes.add(e.to); }
    });
    DATA.nodes.forEach(function (n) {
      if (n.id === META.center || n.id === state.focus || (n.degree === 0 && !state.focus)) visibleNodes.add(n.id);
    });
  }
  recompute();
  var nodeView = new vis.DataView(nodes, { filter: function (v) { return visibleNodes.has(v.id); } });
  var edgeView = new vis.DataView(edges, { filter: function (v) { return visibleEdges.has(v.id); } });

  function applyFilters() {
    recompute();
    nodeView.refresh();
    edgeView.refresh();
    updateSummary();
  }

  /* --- the network ------------------------------------------------------------------ */
  var container = document.getElementById("network");
  var network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, DATA.vis.options);
  var progress = document.getElementById("progress");
  var api = {
    network: network, ready: false, capped: false, iterations: 0,
    scriptStartMs: started, stabiliseMs: null, drawnMs: null,
    visibleNodeIds: function () { return Array.from(visibleNodes).sort(); },
    visibleEdgeIds: function () { return Array.from(visibleEdges).sort(); },
    showEdge: function (id) { showEdge(id); }, showNode: function (id) { showNode(id); },
  };
  window.allianceMap = api;

  function freeze() {
    if (api.ready) return;
    api.ready = true;
    network.setOptions({ physics: { enabled: false } });
    keepPositions(network.getPositions());
    network.fit({ animation: false });
    progress.hidden = true;
    api.stabiliseMs = performance.now() - started;
    network.once("afterDrawing", function () {
      api.drawnMs = performance.now() - started;
      document.body.setAttribute("data-state", "ready");
    });
    network.redraw();
  }
  /* Write the layout into the data, so an actor that a filter or the time slider hides comes
     back where it was (vis-network forgets the position of a node that leaves the view). */
  function keepPositions(positions) {
    nodes.update(Object.keys(positions).map(function (id) { return { id: id, x: positions[id].x, y: positions[id].y }; }));
  }
  network.on("dragEnd", function (params) {
    if (api.ready && params.nodes && params.nodes.length) keepPositions(network.getPositions(params.nodes));
  });
  network.on("stabilizationProgress", function (p) {
    api.iterations = p.iterations;
    progress.textContent = "Laying out the map… " + Math.round((100 * p.iterations) / p.total) + "%";
  });
  network.once("stabilizationIterationsDone", freeze);
  network.once("stabilized", freeze);
  setTimeout(function () {
    if (!api.ready) { api.capped = true; network.stopSimulation(); freeze(); }
  }, META.stabilise_cap_ms);

  /* --- header ------------------------------------------------------------------------ */
  var nav = document.getElementById("nav");
  if (META.links) {
    [["Home", META.links.home], ["Whole map", META.links.whole], ["API docs", META.links.docs], ["Named queries", META.links.queries]]
      .forEach(function (pair) {
        if (!pair[1]) return;
        var a = el("a", pair[0]);
        a.setAttribute("href", pair[1]);
        nav.appendChild(a);
      });
  }
  function updateSummary() {
    var parts = [visibleNodes.size + " of " + DATA.nodes.length + " actors", visibleEdges.size + " of " + DATA.edges.length + " relations shown"];
    if (state.upto) parts.push("up to " + state.upto);
    if (META.center) parts.push("around " + nameOf(META.center) + " (depth " + META.depth + ")");
    if (META.server_filters) parts.push("drawn with " + META.server_filters);
    if (META.generated_at) parts.push("generated " + META.generated_at);
    document.getElementById("summary").textContent = parts.join(" · ");
    var note = document.getElementById("filter-note");
    note.textContent = state.focus ? "Showing only the relations of " + nameOf(state.focus) + "." : "";
  }
  if (META.omitted && (META.omitted.nodes || META.omitted.edges)) {
    var om = document.getElementById("omitted");
    var text = "To stay under " + META.limit + " actors this map keeps the strongest relations and leaves out " +
      META.omitted.nodes + " actors and " + META.omitted.edges + " weaker relations";
    if (META.omitted.examples && META.omitted.examples.length) text += " (among them " + META.omitted.examples.join(", ") + ")";
    om.textContent = text + ". Narrow the filters or raise the limit to see them.";
    om.hidden = false;
  }

  /* --- colours and legend ------------------------------------------------------------ */
  var colourLegend = document.getElementById("colour-legend");
  function legendItem(colour, label) {
    var li = el("li");
    var sw = el("span", null, "swatch");
    sw.style.background = colour;
    li.appendChild(sw);
    li.appendChild(document.createTextNode(label));
    colourLegend.appendChild(li);
  }
  function colourBy(mode) {
    nodes.update(DATA.nodes.map(function (n) { return { id: n.id, color: mode === "kind" ? n.kind_color : n.bloc_color }; }));
    colourLegend.textContent = "";
    if (mode === "kind") {
      Object.keys(META.kind_colors).forEach(function (k) { legendItem(META.kind_colors[k], k); });
    } else {
      DATA.blocs.forEach(function (b) { legendItem(b.color, "bloc: " + b.label + " (" + b.size + ")"); });
      legendItem(META.no_bloc_color, "in no bloc");
    }
    document.getElementById("bloc-note").hidden = mode === "kind";
  }
  document.getElementById("colour-by").addEventListener("change", function (ev) { colourBy(ev.target.value); });
  colourBy("bloc");

  /* --- the side panel ------------------------------------------------------------------ */
  var panel = document.getElementById("panel");
  var panelBody = document.getElementById("panel-body");
  function openPanel(kind, id) {
    panel.hidden = false;
    panel.setAttribute("data-kind", kind);
    panel.setAttribute("data-id", id);
    panelBody.scrollTop = 0;
  }
  document.getElementById("panel-close").addEventListener("click", function () { panel.hidden = true; });

  function inPeriod(date) {
    if (!state.since && !state.until && !state.upto) return true;
    if (!date) return false;
    if (state.upto && date.slice(0, 7) > state.upto) return false;
    return (!state.since || date >= state.since) && (!state.until || date <= state.until);
  }

  function showEdge(id) {
    var e = edgeInfo.get(id);
    if (!e) return;
    panelBody.textContent = "";
    panelBody.appendChild(el("h3", edgeHeadline(e)));
    var facts = "confidence " + fmt(e.confidence) + " · weight " + fmt(e.weight, 1) + " · " + e.statements +
      " statements in " + e.documents + " documents · " + span(e.first_seen, e.last_seen) + (e.speculative ? " · speculative" : "");
    panelBody.appendChild(el("p", facts, "facts"));
    if (state.upto) panelBody.appendChild(el("p", statementsUpTo(e, state.upto) + " of them up to " + state.upto, "facts"));
    if (e.items && e.items.length) panelBody.appendChild(el("p", "Items: " + e.items.join(", "), "facts"));
    if (META.pair_page_base) {
      var pairLink = el("a", "Alignment of the two over time");
      pairLink.setAttribute("href", META.pair_page_base + encodeURIComponent(e.from) + "/" + encodeURIComponent(e.to));
      pairLink.setAttribute("id", "pair-page-link");
      var pairP = el("p", null, "facts");
      pairP.appendChild(pairLink);
      panelBody.appendChild(pairP);
    }
    var list = el("ul", null, "evidence");
    var evidence = DATA.evidence[id] || [];
    var shown = 0;
    evidence.forEach(function (ev) {
      if (!inPeriod(ev.date)) return;
      shown += 1;
      var li = el("li");
      li.appendChild(el("blockquote", ev.sentence));
      var doc = el("div", null, "doc");
      var href = safeUrl(ev.url);
      var titleText = ev.title || ev.url || "untitled document";
      if (href) {
        var a = el("a", titleText);
        a.setAttribute("href", href);
        a.setAttribute("target", "_blank");
        a.setAttribute("rel", "noopener noreferrer nofollow");
        doc.appendChild(a);
      } else {
        doc.appendChild(el("span", titleText));
      }
      var extra = [ev.date || "undated"];
      if (ev.source) extra.push(ev.source);
      if (ev.modality && ev.modality !== "asserted") extra.push(ev.modality);
      if (typeof ev.confidence === "number") extra.push("confidence " + fmt(ev.confidence));
      doc.appendChild(document.createTextNode(" · " + extra.join(" · ")));
      li.appendChild(doc);
      list.appendChild(li);
    });
    panelBody.appendChild(el("h4", "Evidence"));
    panelBody.appendChild(list);
    var missing = e.evidence_total - shown;
    if (missing > 0) {
      panelBody.appendChild(el("p", missing + " more statements are not listed here" +
        (evidence.length < e.evidence_total ? " (the map embeds the strongest " + evidence.length + ")" : " (outside the chosen period)") + ".", "note"));
    }
    openPanel("edge", id);
  }

  function showNode(id) {
    var n = nodeInfo.get(id);
    if (!n) return;
    panelBody.textContent = "";
    panelBody.appendChild(el("h3", n.name));
    var bloc = n.bloc !== null && n.bloc !== undefined ? DATA.blocs[n.bloc] : null;
    panelBody.appendChild(el("p", (n.kind || "actor") + " · " + n.id + " · " + (bloc ? "bloc: " + bloc.label : "in no bloc") +
      " · weight " + fmt(n.weight, 1), "facts"));
    var actions = el("p");
    var focusBtn = el("button", state.focus === id ? "Show everything again" : "Show only its relations", "linklike");
    focusBtn.setAttribute("type", "button");
    focusBtn.addEventListener("click", function () {
      state.focus = state.focus === id ? null : id;
      applyFilters();
      showNode(id);
    });
    actions.appendChild(focusBtn);
    if (META.actor_link_base) {
      actions.appendChild(document.createTextNode(" · "));
      var a = el("a", "Open its own map");
      a.setAttribute("href", META.actor_link_base + encodeURIComponent(id));
      a.setAttribute("id", "own-map-link");
      actions.appendChild(a);
    }
    if (META.actor_page_base) {
      actions.appendChild(document.createTextNode(" · "));
      var page = el("a", "Its page: alignment over time");
      page.setAttribute("href", META.actor_page_base + encodeURIComponent(id));
      page.setAttribute("id", "actor-page-link");
      actions.appendChild(page);
    }
    panelBody.appendChild(actions);
    var rels = DATA.edges.filter(function (e) { return (e.from === id || e.to === id) && visibleEdges.has(e.id); });
    rels.sort(function (a, b) { return b.weight - a.weight; });
    panelBody.appendChild(el("h4", rels.length + " relations shown"));
    var ul = el("ul", null, "relations");
    rels.forEach(function (e) {
      var li = el("li");
      var other = e.from === id ? e.to : e.from;
      var word = TYPE_WORD[e.type] || e.type;
      var phrase = e.type === "PARTNERSHIP" ? word + " with " : e.from === id ? word + " → " : word + " ← ";
      li.appendChild(document.createTextNode(phrase));
      var b = el("button", nameOf(other));
      b.setAttribute("type", "button");
      b.addEventListener("click", function () { showEdge(e.id); network.selectEdges([e.id]); });
      li.appendChild(b);
      li.appendChild(document.createTextNode(" · " + e.statements + " statements · confidence " + fmt(e.confidence)));
      ul.appendChild(li);
    });
    panelBody.appendChild(ul);
    openPanel("node", id);
  }

  network.on("click", function (params) {
    if (params.nodes && params.nodes.length) showNode(params.nodes[0]);
    else if (params.edges && params.edges.length) showEdge(params.edges[0]);
    else panel.hidden = true;
  });

  /* --- filter controls ---------------------------------------------------------------- */
  Array.prototype.forEach.call(document.querySelectorAll("#type-filters input"), function (box) {
    box.addEventListener("change", function () {
      if (box.checked) state.types.add(box.value); else state.types.delete(box.value);
      applyFilters();
    });
  });
  var since = document.getElementById("since");
  var until = document.getElementById("until");
  var minConf = document.getElementById("min-conf");
  var minConfOut = document.getElementById("min-conf-out");
  since.addEventListener("change", function () { state.since = since.value; applyFilters(); });
  until.addEventListener("change", function () { state.until = until.value; applyFilters(); });
  minConf.addEventListener("input", function () {
    state.minConf = parseFloat(minConf.value) || 0;
    minConfOut.textContent = state.minConf.toFixed(2);
    applyFilters();
  });
  document.getElementById("reset-filters").addEventListener("click", function () {
    state.types = new Set(["PARTNERSHIP", "SUPPLIES", "OPPOSES"]);
    Array.prototype.forEach.call(document.querySelectorAll("#type-filters input"), function (box) { box.checked = true; });
    since.value = ""; until.value = ""; minConf.value = "0"; minConfOut.textContent = "0.00";
    state.since = ""; state.until = ""; state.minConf = 0; state.focus = null;
    if (MONTHS.length) { stopPlaying(); setMonthIndex(MONTHS.length - 1); } else applyFilters();
  });

  /* --- time slider: replay the map month by month ---------------------------------------- */
  var MONTHS = META.timeline || [];
  var timeBox = document.getElementById("time-box");
  var slider = document.getElementById("time-slider");
  var timeLabel = document.getElementById("time-label");
  var playButton = document.getElementById("time-play");
  var baseValue = new Map(DATA.vis.edges.map(function (v) { return [v.id, v.value]; }));
  var playTimer = null;
  var stepMs = Math.max(150, Math.min(700, Math.round(20000 / Math.max(MONTHS.length, 1))));

  function setMonthIndex(i) {
    var last = MONTHS.length - 1;
    i = Math.max(0, Math.min(last, i));
    slider.value = String(i);
    state.upto = i < last ? MONTHS[i] : null;
    var text = i < last ? MONTHS[i] : MONTHS[last] + " (every month)";
    timeLabel.textContent = text;
    slider.setAttribute("aria-valuetext", text);
    // Line width: the statements up to the month (all of them at the right end).
    edges.update(DATA.edges.map(function (e) {
      return { id: e.id, value: state.upto ? Math.max(statementsUpTo(e, state.upto), 1) : baseValue.get(e.id) };
    }));
    applyFilters();
    if (panel.getAttribute("data-kind") === "edge" && !panel.hidden) showEdge(panel.getAttribute("data-id"));
  }
  function stopPlaying() {
    if (playTimer !== null) clearInterval(playTimer);
    playTimer = null;
    playButton.textContent = "▶ Play";
    playButton.setAttribute("aria-pressed", "false");
  }
  function startPlaying() {
    if (Number(slider.value) >= MONTHS.length - 1) setMonthIndex(0);
    playButton.textContent = "❚❚ Pause";
    playButton.setAttribute("aria-pressed", "true");
    playTimer = setInterval(function () {
      var next = Number(slider.value) + 1;
      setMonthIndex(next);
      if (next >= MONTHS.length - 1) stopPlaying();
    }, stepMs);
  }
  if (MONTHS.length) {
    timeBox.hidden = false;
    slider.max = String(MONTHS.length - 1);
    slider.addEventListener("input", function () { stopPlaying(); setMonthIndex(Number(slider.value)); });
    playButton.addEventListener("click", function () { if (playTimer === null) startPlaying(); else stopPlaying(); });
    setMonthIndex(MONTHS.length - 1);
  }
  api.timeline = MONTHS;
  api.setMonth = function (month) { var i = MONTHS.indexOf(month); if (i >= 0) { stopPlaying(); setMonthIndex(i); } };

  /* --- search -------------------------------------------------------------------------- */
  var names = document.getElementById("actor-names");
  DATA.nodes.slice().sort(function (a, b) { return a.name.localeCompare(b.name); }).forEach(function (n) {
    var o = el("option");
    o.value = n.name;
    names.appendChild(o);
  });
  function findActor(q) {
    q = q.trim().toLowerCase();
    if (!q) return null;
    var exact = DATA.nodes.find(function (n) { return n.id.toLowerCase() === q || n.name.toLowerCase() === q; });
    if (exact) return exact;
    return DATA.nodes.find(function (n) { return n.name.toLowerCase().indexOf(q) >= 0; }) || null;
  }
  document.getElementById("search-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    var msg = document.getElementById("search-msg");
    var q = document.getElementById("search").value;
    var n = findActor(q);
    if (!n) { msg.textContent = "No actor on this map matches “" + q + "”."; return; }
    if (!visibleNodes.has(n.id)) { msg.textContent = n.name + " is hidden by the filters."; return; }
    msg.textContent = "";
    network.selectNodes([n.id]);
    network.focus(n.id, { scale: 1.4, animation: { duration: 300 } });
    showNode(n.id);
  });

  updateSummary();
})();
