/** The printed orientation map's layout: frame, merged markers, commune names, scale, itinerary links. */
import { describe, expect, it } from 'vitest';
import { fitProjection } from '../../web/src/components/basket/static-map-projection.ts';
import { frameAround, markerLabel, mergeMarkers, placeLabels, scaleBar, visibleLabelPoint } from '../../web/src/components/basket/static-map-layout.ts';
import { directionsUrl } from '../../web/src/components/basket/directions.tsx';

const KM_LAT = 111.32;

describe('printed orientation map', () => {
  it('frames the places with a margin, a few kilometres at least, not the whole département', () => {
    const marmande: [number, number] = [0.1708, 44.5061];
    const tonneins: [number, number] = [0.3083, 44.3914];
    const lone = frameAround([marmande])!;
    expect(lone[0]).toBeLessThan(marmande[0]);
    expect(lone[2]).toBeGreaterThan(marmande[0]);
    expect((lone[3] - lone[1]) * KM_LAT).toBeGreaterThanOrEqual(2.5);
    expect((lone[3] - lone[1]) * KM_LAT).toBeLessThan(10);
    const two = frameAround([marmande, tonneins])!;
    for (const [lon, lat] of [marmande, tonneins]) {
      expect(lon).toBeGreaterThan(two[0]);
      expect(lon).toBeLessThan(two[2]);
      expect(lat).toBeGreaterThan(two[1]);
      expect(lat).toBeLessThan(two[3]);
    }
    // About 20 km apart: a frame of some tens of km, not the 100 km of Lot-et-Garonne.
    expect((two[3] - two[1]) * KM_LAT).toBeLessThan(40);
    expect(frameAround([])).toBeNull();
  });

  it('merges markers that would overlap into one « 1, 2 » marker and keeps distant ones apart', () => {
    const markers = mergeMarkers([
      { n: 2, x: 105, y: 100 },
      { n: 1, x: 100, y: 100 },
      { n: 3, x: 300, y: 100 },
    ]);
    expect(markers.map((m) => m.numbers)).toEqual([[1, 2], [3]]);
    expect(markers[0]).toMatchObject({ x: 102.5, y: 100 });
    expect(markerLabel(markers[0]!).text).toBe('1, 2');
    expect(markerLabel(markers[0]!).width).toBeGreaterThan(markerLabel(markers[1]!).width);
  });

  it('writes a commune name inside its visible part, clear of the markers', () => {
    const frame = [0, 0, 1, 1] as const;
    // A square commune whose right half only is on the map.
    const rings = [[[-1, 0], [1, 0], [1, 1], [-1, 1], [-1, 0]] as const];
    const point = visibleLabelPoint(rings, frame)!;
    expect(point[0]).toBeGreaterThan(0);
    expect(point[0]).toBeLessThan(1);
    expect(visibleLabelPoint([[[5, 5], [6, 5], [6, 6], [5, 5]]], frame)).toBeNull();

    const projection = fitProjection([[0, 0], [1, 1]], 400, 0, 0)!;
    const [mx, my] = projection.project([0.5, 0.5]);
    const labels = placeLabels(
      [
        { name: 'Marmande', point: [0.5, 0.5], population: 17000 },
        { name: 'Loin', point: [3, 3], population: 100 },
      ],
      projection,
      [{ x: mx, y: my, numbers: [1] }],
    );
    expect(labels.map((l) => l.text)).toEqual(['Marmande']);
    expect(Math.abs(labels[0]!.y - my)).toBeGreaterThan(14);
  });

  it('gives a round scale bar and an itinerary link a person can type', () => {
    const frame = frameAround([[0.1708, 44.5061]])!;
    const projection = fitProjection([[frame[0], frame[1]], [frame[2], frame[3]]], 560, 0, 0)!;
    const { km, px } = scaleBar(projection, frame);
    expect([0.5, 1, 2]).toContain(km);
    expect(px).toBeGreaterThan(40);
    expect(px).toBeLessThan(560);
    expect(directionsUrl(44.506094, 0.170801)).toBe('https://www.openstreetmap.org/directions?to=44.50609,0.17080');
  });
});
