/**
 * How to get there, for the person holding the paper: the link to an itinerary on OpenStreetMap
 * (typed from the paper: short, no tracking) and the same link as a QR code for a phone. The QR
 * encoder is loaded on demand, in its own small chunk.
 */
import { useAsync } from '../../state/use-async.ts';

/** An OpenStreetMap itinerary to the place (the starting point is asked there). */
export function directionsUrl(lat: number, lon: number): string {
  return `https://www.openstreetmap.org/directions?to=${lat.toFixed(5)},${lon.toFixed(5)}`;
}

/** The dark modules of a QR code as one SVG path (one unit per module) and its size. */
async function qrPath(text: string): Promise<{ size: number; d: string }> {
  const { default: qrcode } = await import('qrcode-generator');
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  const size = qr.getModuleCount();
  let d = '';
  for (let row = 0; row < size; row++) for (let col = 0; col < size; col++) if (qr.isDark(row, col)) d += `M${col} ${row}h1v1h-1z`;
  return { size, d };
}

export function Directions({ lat, lon, name }: { lat: number; lon: number; name: string }) {
  const url = directionsUrl(lat, lon);
  const qr = useAsync(() => qrPath(url), [url]);
  return (
    <div class="directions">
      <p>
        Itinéraire : <a href={url}>{url.replace(/^https:\/\//, '')}</a>
      </p>
      {qr.data && (
        <svg class="directions__qr" viewBox={`-2 -2 ${qr.data.size + 4} ${qr.data.size + 4}`} role="img" aria-label={`QR code de l’itinéraire vers ${name}`}>
          <rect x="-2" y="-2" width={qr.data.size + 4} height={qr.data.size + 4} fill="#fff" />
          <path d={qr.data.d} fill="#000" />
        </svg>
      )}
    </div>
  );
}
