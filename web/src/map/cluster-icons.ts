/**
 * Cluster badges drawn on a canvas on demand (MapLibre's missing-image resolver): a count needs no
 * glyph server, so the offline basemap can show "12" on a cluster.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { MAP_COLORS } from './colors.ts';

export const CLUSTER_ICON_PREFIX = 'cluster-';

function drawBadge(label: string, pixelRatio: number): ImageData {
  const size = Math.round((label.length > 2 ? 44 : 36) * pixelRatio);
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = size;
  const ctx = canvas.getContext('2d')!;
  const r = size / 2;
  ctx.fillStyle = MAP_COLORS.primary;
  ctx.strokeStyle = '#ffffff';
  ctx.lineWidth = 3 * pixelRatio;
  ctx.beginPath();
  ctx.arc(r, r, r - ctx.lineWidth, 0, 2 * Math.PI);
  ctx.fill();
  ctx.stroke();
  ctx.fillStyle = '#ffffff';
  ctx.font = `bold ${Math.round(14 * pixelRatio)}px system-ui, sans-serif`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText(label, r, r + pixelRatio);
  return ctx.getImageData(0, 0, size, size);
}

export function provideClusterIcons(map: MapLibreMap): void {
  const pixelRatio = Math.min(2, Math.ceil(window.devicePixelRatio || 1));
  map.setMissingStyleImageResolver((id) => {
    if (!id.startsWith(CLUSTER_ICON_PREFIX) || map.hasImage(id)) return;
    map.addImage(id, drawBadge(id.slice(CLUSTER_ICON_PREFIX.length), pixelRatio), { pixelRatio });
  });
}
