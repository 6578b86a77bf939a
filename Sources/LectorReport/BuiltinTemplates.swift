// Generated from Templates/*.mustache by BuiltinTemplatesTests: do not edit.

/// The built-in templates, compiled in: used when the resource bundle is not beside the executable.
enum BuiltinTemplates {
    static let text: [String: String] = [
        "document": ##"""
{{!
  document: one page per document, in documents/ (links to ../style.css, ../entities/…).
  Keys: title id source sourceLink (http(s) sources only) format date lang sentenceCount entityCount
  characterCount; labelCSS (triple);
  markup built and escaped by the report: textHTML (triple) (blocks, sentences span.s#sN, entities
  a.e/mark.e#mN), legendHTML (triple), summaryHTML (triple) (li items), keyphrasesHTML (triple) (li items),
  entityGroupsHTML (triple), metadataHTML (triple) (dt/dd pairs); flags hasLegend hasSummary hasKeyphrases
  hasEntityGroups hasDiagnostics; diagnostics [severity origin message].
}}
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{title}} — Lector</title>
<link rel="stylesheet" href="../style.css">
<style>
{{{labelCSS}}}
</style>
</head>
<body>
<header class="top"><a href="../index.html">Lector</a><span>document</span></header>
<main>
<p class="sub"><a href="../index.html#documents">← All documents</a></p>
<h1>{{title}}</h1>
<p class="sub">{{id}} · {{format}}{{#date}} · {{date}}{{/date}} · {{sentenceCount}} sentences · {{entityCount}} entities · {{characterCount}} characters</p>
<div class="layout">
<div>
{{#hasSummary}}
<section class="card" id="summary">
<h2>Summary</h2>
<ol class="summary">
{{{summaryHTML}}}</ol>
</section>
{{/hasSummary}}
<section class="card" id="text">
<h2>Text</h2>
{{#hasLegend}}
<div class="legend">{{{legendHTML}}}</div>
{{/hasLegend}}
<div class="text"{{#lang}} lang="{{lang}}"{{/lang}}>
{{{textHTML}}}</div>
<p class="note">Hover over the text to see its sentences; entities link to their pages.</p>
</section>
</div>
<div>
{{#hasKeyphrases}}
<section class="card" id="keyphrases">
<h2>Keyphrases</h2>
<ul class="chips">{{{keyphrasesHTML}}}</ul>
</section>
{{/hasKeyphrases}}
{{#hasEntityGroups}}
<section class="card" id="entities">
<h2>Entities</h2>
{{{entityGroupsHTML}}}
</section>
{{/hasEntityGroups}}
<section class="card" id="metadata">
<h2>Metadata</h2>
<dl class="meta">
<dt>Source</dt><dd>{{#sourceLink}}<a href="{{sourceLink}}" rel="nofollow noopener noreferrer">{{source}}</a>{{/sourceLink}}{{^sourceLink}}{{source}}{{/sourceLink}}</dd>
{{{metadataHTML}}}
</dl>
</section>
{{#hasDiagnostics}}
<section class="card diag" id="diagnostics">
<h2>Diagnostics</h2>
<ul>{{#diagnostics}}<li class="{{severity}}">{{severity}} ({{origin}}): {{message}}</li>{{/diagnostics}}</ul>
</section>
{{/hasDiagnostics}}
</div>
</div>
</main>
</body>
</html>

"""##,
        "entity": ##"""
{{!
  entity: one page per bucket of canonical entities, in entities/ (links point at #anchor). Keys: title
  entityCount grouped (more than one entity) labelCSS (triple); entitiesHTML (triple): one article.entity#anchor per entity (h1, p.sub,
  section.card.mentions p.snippet, section.card.documents li, section.card.cooccurring li), built and
  escaped by the report. With a #anchor in the address only that entity is shown.
}}
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{title}} — Lector</title>
<link rel="stylesheet" href="../style.css">
<style>
{{{labelCSS}}}
body:has(article.entity:target) article.entity:not(:target), body:has(article.entity:target) .bucket { display: none; }
article.entity + article.entity { margin-top: 2.5rem; border-top: 1px solid #ddd; padding-top: 1rem; }
article.entity:target { margin-top: 0; border-top: none; padding-top: 0; }
</style>
</head>
<body>
<header class="top"><a href="../index.html">Lector</a><span>entity</span></header>
<main>
<p class="sub"><a href="../index.html#entities">← Overview</a></p>
{{#grouped}}<p class="note bucket">This page groups {{entityCount}}; a link to one of them shows it alone.</p>{{/grouped}}
{{{entitiesHTML}}}
</main>
</body>
</html>

"""##,
        "index": ##"""
{{!
  index: the report's front page. Double braces escape; keys marked (triple) hold markup or JSON the
  report built and escaped itself, used with triple braces. Keys:
  pipelineName pipelineFile lectorVersion inputs stages resolvedConfig documentsOK documentsFailed
  documentsWritten wallTime documentsPerSecond megabytesPerSecond size lanes; stageChart (triple) (SVG);
  entityCharts [label summary svg (triple)] with hasEntityCharts; timeline (triple) timelineCaption
  (absent without dates); failures [id source stage message] with hasFailures failureCount moreFailures
  hasMoreFailures; duplicates (count, absent without duplicates); stories storyCount storiesTimeline
  (triple) (SVG) storiesHTML (triple) (article.story per story, built and escaped by the report); tableConfig (triple) (JSON for the table script: chunkSize chunks formats total).
  The table script loads data/rows-NNNNN.js, each calling lectorRows(chunk, rows); a row is
  [page stem, title, date, source, format, entity count, first summary sentence, id].
}}
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{pipelineName}} — Lector report</title>
<link rel="stylesheet" href="style.css">
</head>
<body>
<header class="top"><a href="index.html">Lector</a><span>report · {{pipelineName}}</span></header>
<main>
<section id="run">
<h1>Run summary</h1>
<div class="stats">
<div class="stat"><strong>{{documentsOK}}</strong><span>documents ok</span></div>
<div class="stat{{#hasFailures}} bad{{/hasFailures}}"><strong>{{documentsFailed}}</strong><span>failed</span></div>
<div class="stat"><strong>{{wallTime}}</strong><span>wall time</span></div>
<div class="stat"><strong>{{documentsPerSecond}}</strong><span>documents/s</span></div>
<div class="stat"><strong>{{megabytesPerSecond}}</strong><span>MB/s ({{size}} read)</span></div>
<div class="stat"><strong>{{lanes}}</strong><span>lanes</span></div>{{#duplicates}}
<div class="stat"><strong>{{duplicates}}</strong><span>duplicates</span></div>{{/duplicates}}
</div>
<dl class="meta">
<dt>Pipeline</dt><dd>{{pipelineName}} ({{pipelineFile}})</dd>
<dt>Stages</dt><dd>{{stages}}</dd>
<dt>Inputs</dt><dd>{{inputs}}</dd>
<dt>Lector</dt><dd>{{lectorVersion}}</dd>
</dl>
<details><summary>Resolved configuration</summary><pre>{{resolvedConfig}}</pre></details>
<h2 style="margin-top:1em">Time per stage</h2>
{{{stageChart}}}
<p class="note">CPU time in each stage, summed over all lanes.</p>
</section>
{{#hasEntityCharts}}
<section id="entities">
<h2>Top entities</h2>
<div class="charts">
{{#entityCharts}}
<figure><figcaption>{{label}} <span class="count">· {{summary}}</span></figcaption>
{{{svg}}}
</figure>
{{/entityCharts}}
</div>
</section>
{{/hasEntityCharts}}
{{#timeline}}
<section id="timeline">
<h2>Publication dates</h2>
{{{timeline}}}
<p class="note">{{timelineCaption}}</p>
</section>
{{/timeline}}
{{#stories}}
<section id="stories">
<h2>Stories <span class="count">({{storyCount}})</span></h2>
<p class="note">Documents about the same event, grouped across the batch.</p>
{{{storiesTimeline}}}
{{{storiesHTML}}}
</section>
{{/stories}}
<section id="documents">
<h2>Documents <span class="count">({{documentsWritten}})</span></h2>
<div class="controls">
<input type="search" id="search" placeholder="Search titles, sources, summaries, ids…" aria-label="Search documents">
<select id="format" aria-label="Filter by format"><option value="">All formats</option></select>
<select id="dated" aria-label="Filter by date"><option value="">Any date</option><option value="yes">With a date</option><option value="no">Without a date</option></select>
<span id="status"></span>
</div>
<table id="table">
<thead><tr><th data-key="1" tabindex="0">Title</th><th data-key="2" tabindex="0">Date</th><th data-key="3" tabindex="0">Source</th><th data-key="5" class="num" tabindex="0">Entities</th><th>Summary</th></tr></thead>
<tbody></tbody>
</table>
<div class="pager"><button type="button" id="previous">‹ Previous</button><span id="page"></span><button type="button" id="next">Next ›</button></div>
<noscript><p class="note">The table needs JavaScript; the same data is in documents.jsonl.</p></noscript>
</section>
{{#hasFailures}}
<section id="failed" class="failed">
<h2>Failed documents <span class="count">({{failureCount}})</span></h2>
<table>
<thead><tr><th>Document</th><th>Source</th><th>Stage</th><th>Reason</th></tr></thead>
<tbody>
{{#failures}}
<tr><td>{{id}}</td><td class="source">{{source}}</td><td>{{stage}}</td><td>{{message}}</td></tr>
{{/failures}}
</tbody>
</table>
{{#hasMoreFailures}}<p class="note">… and {{moreFailures}} more: every failure is in <a href="errors.jsonl">errors.jsonl</a>.</p>{{/hasMoreFailures}}
</section>
{{/hasFailures}}
<footer>Data files: <a href="documents.jsonl">documents.jsonl</a> · <a href="entities.csv">entities.csv</a> · <a href="summaries.csv">summaries.csv</a> · <a href="errors.jsonl">errors.jsonl</a> · <a href="run.json">run.json</a>. Offsets are Unicode scalar offsets.</footer>
</main>
<script>
var LECTOR_TABLE = {{{tableConfig}}};
</script>
<script>
(function () {
  "use strict";
  var config = LECTOR_TABLE;
  var chunks = [];
  var waiting = {};
  var state = { search: "", format: "", dated: "", sortKey: -1, sortDirection: 1, page: 0 };
  var pageSize = 50;
  var view = null;
  var body = document.querySelector("#table tbody");
  var status = document.getElementById("status");

  window.lectorRows = function (index, rows) {
    chunks[index] = rows;
    var callbacks = waiting[index] || [];
    delete waiting[index];
    callbacks.forEach(function (callback) { callback(); });
  };

  function dataFile(index) {
    var digits = String(index);
    while (digits.length < 5) { digits = "0" + digits; }
    return "data/rows-" + digits + ".js";
  }

  function load(index, done) {
    if (chunks[index]) { done(); return; }
    if (waiting[index]) { waiting[index].push(done); return; }
    waiting[index] = [done];
    var script = document.createElement("script");
    script.src = dataFile(index);
    script.onerror = function () { status.textContent = "Could not load " + script.src; };
    document.body.appendChild(script);
  }

  function loadAll(done) {
    var next = 0;
    (function step() {
      if (next >= config.chunks) { done(); return; }
      status.textContent = "Loading " + (next + 1) + " of " + config.chunks + "…";
      load(next++, step);
    })();
  }

  function filtering() { return state.search !== "" || state.format !== "" || state.dated !== "" || state.sortKey >= 0; }

  function haystack(row) {
    if (row.length < 9) { row.push((row[1] + " " + row[3] + " " + row[6] + " " + row[7]).toLowerCase()); }
    return row[8];
  }

  function buildView() {
    var terms = state.search.toLowerCase().split(/\s+/).filter(Boolean);
    var rows = [];
    chunks.forEach(function (chunk) {
      chunk.forEach(function (row) {
        if (state.format && row[4] !== state.format) { return; }
        if (state.dated === "yes" && !row[2]) { return; }
        if (state.dated === "no" && row[2]) { return; }
        var text = terms.length ? haystack(row) : "";
        for (var t = 0; t < terms.length; t++) { if (text.indexOf(terms[t]) < 0) { return; } }
        rows.push(row);
      });
    });
    if (state.sortKey >= 0) {
      var key = state.sortKey;
      var direction = state.sortDirection;
      rows.sort(function (a, b) {
        var x = a[key], y = b[key];
        if (typeof x === "string") { x = x.toLowerCase(); y = y.toLowerCase(); }
        return x < y ? -direction : x > y ? direction : 0;
      });
    }
    view = rows;
  }

  function cell(row, text, className) {
    var td = document.createElement("td");
    if (className) { td.className = className; }
    td.textContent = text;
    row.appendChild(td);
    return td;
  }

  function show(rows, first, total) {
    body.textContent = "";
    rows.forEach(function (data) {
      var tr = document.createElement("tr");
      var title = cell(tr, "", "");
      var link = document.createElement("a");
      link.href = "documents/" + encodeURIComponent(data[0]) + ".html";
      link.textContent = data[1];
      title.appendChild(link);
      cell(tr, data[2], "");
      cell(tr, data[3], "source");
      cell(tr, String(data[5]), "num");
      cell(tr, data[6], "lead");
      body.appendChild(tr);
    });
    var pages = Math.max(1, Math.ceil(total / pageSize));
    document.getElementById("page").textContent = "Page " + (state.page + 1).toLocaleString("en-US") + " of " + pages.toLocaleString("en-US");
    document.getElementById("previous").disabled = state.page === 0;
    document.getElementById("next").disabled = state.page + 1 >= pages;
    var last = Math.min(total, first + rows.length);
    function count(value) { return value.toLocaleString("en-US"); }
    status.textContent = total === 0 ? "No documents match." :
      "Showing " + count(first + 1) + "–" + count(last) + " of " + count(total) +
      (total !== config.total ? " (of " + count(config.total) + ")" : "");
  }

  function clampPage(total) {
    state.page = Math.max(0, Math.min(state.page, Math.ceil(total / pageSize) - 1));
    return state.page * pageSize;
  }

  function render() {
    writeAddress();
    if (filtering()) {
      loadAll(function () {
        buildView();
        var start = clampPage(view.length);
        show(view.slice(start, start + pageSize), start, view.length);
      });
      return;
    }
    view = null;
    var first = clampPage(config.total);
    var last = Math.min(config.total, first + pageSize);
    var firstChunk = Math.floor(first / config.chunkSize);
    var lastChunk = Math.floor(Math.max(first, last - 1) / config.chunkSize);
    var chunk = firstChunk;
    (function step() {
      if (chunk <= lastChunk && chunk < config.chunks) { load(chunk++, step); return; }
      var rows = [];
      for (var index = first; index < last; index++) {
        var data = chunks[Math.floor(index / config.chunkSize)];
        if (data) { rows.push(data[index % config.chunkSize]); }
      }
      show(rows, first, config.total);
    })();
  }

  var format = document.getElementById("format");
  config.formats.forEach(function (name) {
    var option = document.createElement("option");
    option.value = name;
    option.textContent = name;
    format.appendChild(option);
  });
  format.addEventListener("change", function () { state.format = format.value; state.page = 0; render(); });
  var dated = document.getElementById("dated");
  dated.addEventListener("change", function () { state.dated = dated.value; state.page = 0; render(); });
  var search = document.getElementById("search");
  var timer = null;
  search.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { state.search = search.value.trim(); state.page = 0; render(); }, 200);
  });
  document.querySelectorAll("th[data-key]").forEach(function (header) {
    header.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") { event.preventDefault(); header.click(); }
    });
    header.addEventListener("click", function () {
      var key = Number(header.getAttribute("data-key"));
      if (state.sortKey === key) { state.sortDirection = -state.sortDirection; } else { state.sortKey = key; state.sortDirection = key === 5 ? -1 : 1; }
      document.querySelectorAll("th[data-key]").forEach(function (other) { other.className = other.className.replace(/\s*(asc|desc)/g, ""); });
      header.className += state.sortDirection > 0 ? " asc" : " desc";
      state.page = 0;
      render();
    });
  });
  document.getElementById("previous").addEventListener("click", function () { if (state.page > 0) { state.page--; render(); } });
  document.getElementById("next").addEventListener("click", function () { state.page++; render(); });
  // The table's state lives in the address (#q=…&format=…&dated=…&sort=…&desc=1&page=…) so a view can be
  // bookmarked or shared; plain anchors such as #entities are left alone.
  function readAddress() {
    var hash = location.hash.replace(/^#/, "");
    if (hash.indexOf("=") < 0) { return; }
    hash.split("&").forEach(function (pair) {
      var parts = pair.split("=");
      var value = "";
      try { value = decodeURIComponent((parts[1] || "").replace(/\+/g, " ")); } catch (error) { return; }
      if (parts[0] === "q") { state.search = value; search.value = value; }
      if (parts[0] === "format") { state.format = value; format.value = value; }
      if (parts[0] === "dated") { state.dated = value; dated.value = value; }
      if (parts[0] === "sort") { state.sortKey = Number(value) || -1; }
      if (parts[0] === "desc") { state.sortDirection = value === "1" ? -1 : 1; }
      if (parts[0] === "page") { state.page = Math.max(0, (Number(value) || 1) - 1); }
    });
    document.querySelectorAll("th[data-key]").forEach(function (header) {
      if (Number(header.getAttribute("data-key")) === state.sortKey) { header.className += state.sortDirection > 0 ? " asc" : " desc"; }
    });
  }

  function writeAddress() {
    var parts = [];
    if (state.search) { parts.push("q=" + encodeURIComponent(state.search)); }
    if (state.format) { parts.push("format=" + encodeURIComponent(state.format)); }
    if (state.dated) { parts.push("dated=" + state.dated); }
    if (state.sortKey >= 0) { parts.push("sort=" + state.sortKey + (state.sortDirection < 0 ? "&desc=1" : "")); }
    if (state.page > 0) { parts.push("page=" + (state.page + 1)); }
    if (parts.length === 0 && location.hash.indexOf("=") < 0) { return; }
    try { history.replaceState(null, "", "#" + parts.join("&")); } catch (error) { /* some browsers refuse on file:// */ }
  }

  readAddress();
  if (config.total > 0) { render(); } else { status.textContent = "No documents."; }
})();
</script>
</body>
</html>

"""##,
        "style": ##"""
{{!
  style: the stylesheet, written once as style.css and linked from every page. No keys.
}}
:root{--ink:#1d2330;--muted:#5d6677;--line:#dfe3ea;--bg:#f6f7f9;--card:#fff;--accent:#3461c1;--bad:#b3261e}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ink);background:var(--bg)}
a{color:var(--accent);text-decoration:none}
a:hover{text-decoration:underline}
header.top{background:#1f2a44;color:#fff;padding:.6em 1.5em;display:flex;gap:1em;align-items:baseline}
header.top a{color:#fff;font-weight:700;letter-spacing:.02em}
header.top span{color:#c9d3ea}
main{max-width:1200px;margin:0 auto;padding:1em 1.5em 3em}
h1{font-size:1.6em;margin:.4em 0 .2em;line-height:1.25;overflow-wrap:anywhere}
h2{font-size:1.15em;margin:0 0 .6em}
section,.card{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:1em 1.2em;margin:1em 0}
.sub,.note{color:var(--muted);font-size:.9em;overflow-wrap:anywhere}
.stats{display:flex;flex-wrap:wrap;gap:.8em;margin:.6em 0 1em}
.stat{border:1px solid var(--line);border-radius:8px;padding:.5em .9em;min-width:7.5em;background:#fbfcfe}
.stat strong{display:block;font-size:1.45em}
.stat span{color:var(--muted);font-size:.85em}
.stat.bad strong{color:var(--bad)}
dl.meta{display:grid;grid-template-columns:fit-content(45%) minmax(0,1fr);gap:.2em 1em;margin:0 0 .8em}
dl.meta dt{color:var(--muted);overflow-wrap:anywhere}
dl.meta dd{margin:0;overflow-wrap:anywhere}
pre{background:#f3f4f7;padding:.8em;border-radius:6px;overflow:auto;font-size:.85em}
.chart{max-width:100%;height:auto;font-size:12px}
.chart .cl{fill:var(--ink)}
.chart .cv{fill:var(--muted)}
.chart .axis{stroke:#b8bfcc}
.charts{display:flex;flex-wrap:wrap;gap:1em}
.charts figure{margin:0;flex:1 1 440px;min-width:0}
.charts figcaption{font-weight:600;margin-bottom:.3em}
.controls{display:flex;flex-wrap:wrap;gap:.6em;align-items:center;margin-bottom:.6em}
.controls input[type=search]{flex:1 1 18em;padding:.45em .6em;border:1px solid #c4cad6;border-radius:6px;font:inherit}
.controls select{max-width:14em}
.controls select,.pager button{padding:.4em .6em;border:1px solid #c4cad6;border-radius:6px;background:#fff;font:inherit}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:.4em .5em;border-bottom:1px solid var(--line);vertical-align:top}
th{font-size:.85em;color:var(--muted);white-space:nowrap}
th[data-key]{cursor:pointer;user-select:none}
th[data-key]:hover{color:var(--ink)}
th.asc::after{content:" \25B2"}
th.desc::after{content:" \25BC"}
td.num,th.num{text-align:right}
td.lead{color:var(--muted);font-size:.9em;max-width:32em}
td.source,td.id{font-size:.85em;color:var(--muted);overflow-wrap:anywhere;max-width:16em}
.pager{display:flex;gap:.8em;align-items:center;margin-top:.6em}
#status{color:var(--muted);font-size:.9em}
.failed td{overflow-wrap:anywhere}
.layout{display:grid;grid-template-columns:minmax(0,1fr) 320px;gap:1.2em;align-items:start}
@media (max-width:900px){.layout{grid-template-columns:1fr}}
.text{font-size:1.02em;line-height:1.75}
.text p.block{margin:0 0 .9em;white-space:pre-wrap;overflow-wrap:anywhere}
.text p.heading{font-weight:700;font-size:1.1em}
.text .s{border-radius:3px;transition:background .1s}
.text .s:hover{background:#fff3bf;box-shadow:0 0 0 2px #fff3bf}
.text .s:target{background:#ffe58a;box-shadow:0 0 0 2px #ffe58a}
.e{background:var(--c,#e4e7ee);border-radius:4px;padding:.05em .25em;color:var(--ink);box-decoration-break:clone;-webkit-box-decoration-break:clone}
a.e:hover{text-decoration:none;filter:brightness(.93)}
.e .l{font-size:.62em;font-weight:700;letter-spacing:.04em;margin-left:.3em;vertical-align:.12em;color:#3b4252;opacity:.75}
.legend{display:flex;flex-wrap:wrap;gap:.4em;margin:0 0 1em}
.legend .e{font-size:.85em;font-weight:600}
.legend small{font-weight:400;color:var(--muted)}
ol.summary{margin:0;padding-left:1.3em}
ol.summary li{margin:.3em 0}
.chips{display:flex;flex-wrap:wrap;gap:.35em;list-style:none;margin:0;padding:0}
.chips li{background:#eef1f7;border-radius:999px;padding:.15em .7em;font-size:.9em}
.chips small{color:var(--muted)}
.group{margin:.2em 0 .8em}
.group h3{font-size:.9em;margin:.3em 0}
.group ul{list-style:none;margin:0;padding:0}
.group li{margin:.15em 0;overflow-wrap:anywhere}
.count{color:var(--muted);font-size:.85em}
.snippet{margin:.4em 0;padding:.4em .6em;border-left:3px solid var(--line);overflow-wrap:anywhere}
.diag{font-size:.9em}
.diag .warning{color:#8a5a00}
.diag .error{color:var(--bad)}
footer{color:var(--muted);font-size:.85em;margin-top:2em}

"""##,
    ]
}
