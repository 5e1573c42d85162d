// Runs in the page (npm run bench:web): plain JavaScript, evaluated as is (no transpiler helpers).
// Creates the results map with `count` deterministic pseudo-random offers over Saône-et-Loire,
// then pans and zooms while recording every frame's duration.
async ({ mapUrl, count, cluster, departements }) => {
  const mod = await import(mapUrl);
  const host = document.createElement('div');
  // The size of the results map beside the list on a laptop screen.
  host.style.cssText = 'position:fixed;left:0;top:0;width:640px;height:720px;z-index:1000;background:#fff';
  document.body.append(host);
  let seed = 42;
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const points = Array.from({ length: count }, (_, i) => ({ id: `o${i}`, name: `Offre ${i}`, lon: 3.6 + random() * 1.9, lat: 46.1 + random() * 1.1 }));
  const map = await mod.createResultsMap({ container: host, cluster });
  await map.ready;
  const loadStart = performance.now();
  map.setResults(points, { centre: [4.5, 46.6], radiusKm: 30 }, departements);
  await new Promise((resolve) => map.map.once('idle', resolve));
  const loadMs = performance.now() - loadStart;
  const frames = [];
  let last = performance.now();
  let running = true;
  const tick = (t) => {
    frames.push(t - last);
    last = t;
    if (running) requestAnimationFrame(tick);
  };
  requestAnimationFrame((t) => {
    last = t;
    requestAnimationFrame(tick);
  });
  const steps = [
    [4.2, 46.5, 9],
    [4.9, 46.8, 11],
    [4.0, 46.3, 8],
    [4.6, 46.7, 12],
    [4.5, 46.6, 8],
  ];
  for (const [lon, lat, zoom] of steps) {
    map.map.easeTo({ center: [lon, lat], zoom, duration: 800 });
    await new Promise((resolve) => map.map.once('moveend', resolve));
  }
  running = false;
  map.destroy();
  host.remove();
  return { loadMs, frames: frames.slice(1) };
};
