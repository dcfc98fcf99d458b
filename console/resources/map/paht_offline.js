/* PAHT Console map: the background drawn without a tile server (ward names, the Perfume
 * River, a graticule) in a pane under the tiles, and a note when the tiles do not load.
 * Loaded tiles cover the background; failed ones stay hidden (Leaflet) and it shows through.
 * window.pahtOffline: state() for tools and tests, setNoteText(text) for the UI language. */
(function () {
  "use strict";

  // No tile within this long after the map asked for them: the server is not answering.
  var NO_TILE_MS = 6000;
  // A tile error this long after the last tile that loaded: the tiles stopped coming.
  var STALE_MS = 10000;

  function el(tag, className, text) {
    var node = document.createElement(tag);
    node.className = className;
    if (text !== undefined) { node.textContent = String(text); }
    return node;
  }

  function drawBackground(map, data) {
    var pane = map.createPane("pahtOffline");
    pane.style.zIndex = 150;  // under the tile pane (200)
    pane.style.pointerEvents = "none";
    var line = { pane: "pahtOffline", interactive: false };
    var step = data.step, lat, lon;
    for (lat = 15.95; lat <= 16.80; lat += step) {
      L.polyline([[lat, 106.95], [lat, 108.30]],
        L.extend({ color: "#c3cad1", weight: 1 }, line)).addTo(map);
    }
    for (lon = 106.95; lon <= 108.30; lon += step) {
      L.polyline([[15.95, lon], [16.80, lon]],
        L.extend({ color: "#c3cad1", weight: 1 }, line)).addTo(map);
    }
    L.polyline(data.river, L.extend({ color: "#8ec5ee", weight: 7, opacity: 0.95 }, line))
      .addTo(map);
    var mid = data.river[data.riverLabelAt];
    label(map, mid, data.riverName, "paht-river-label");
    for (var i = 0; i < data.wards.length; i++) {
      var w = data.wards[i];
      label(map, [w[1], w[2]], w[0], "paht-ward-label");
    }
  }

  function label(map, at, text, className) {
    var box = el("div", className);
    box.appendChild(el("span", "paht-ward-dot"));
    box.appendChild(el("span", "paht-ward-name", text));
    L.marker(at, {
      pane: "pahtOffline", interactive: false, keyboard: false,
      icon: L.divIcon({ className: "paht-offline-icon", html: box, iconSize: null })
    }).addTo(map);
  }

  function install(map, data) {
    drawBackground(map, data);
    var state = { tiles: "none", loaded: 0, errors: 0, note: false };
    var lastLoad = 0;
    var container = map.getContainer();
    var note = el("div", "paht-tile-note leaflet-bar",
      "Không tải được nền bản đồ — đang hiển thị vị trí trên nền trống. " +
      "Đặt PAHT_TILES_URL để dùng máy chủ bản đồ nội bộ.");
    var Note = L.Control.extend({
      options: { position: "topleft" },
      onAdd: function () { return note; }
    });
    map.addControl(new Note());

    function showNote(on) {
      state.note = on;
      L.DomUtil[on ? "addClass" : "removeClass"](container, "paht-tiles-failed");
    }

    function loaded() {
      state.loaded += 1;
      state.tiles = "ok";
      lastLoad = Date.now();
      showNote(false);
    }

    function failed() {
      state.errors += 1;
      if (!lastLoad || Date.now() - lastLoad > STALE_MS) {
        state.tiles = "failed";
        showNote(true);
      }
    }

    function watch(layer) {
      if (!(layer instanceof L.TileLayer) || layer._pahtWatched) { return; }
      layer._pahtWatched = true;
      state.tiles = "waiting";
      layer.on("tileload", loaded);
      layer.on("tileerror", failed);
      setTimeout(function () {
        if (!state.loaded) {
          state.tiles = "failed";
          showNote(true);
        }
      }, NO_TILE_MS);
    }

    map.eachLayer(watch);
    map.on("layeradd", function (e) { watch(e.layer); });

    window.pahtOffline = {
      state: function () {
        return {
          tiles: state.tiles, loaded: state.loaded, errors: state.errors, note: state.note,
          noteText: state.note ? note.textContent : ""
        };
      },
      setNoteText: function (text) { note.textContent = String(text); }
    };
  }

  window.pahtOfflineInit = install;
})();
