// The join code as a QR code, drawn here as SVG: the code carries a one-time secret, so it is never sent to a
// service to be drawn.
import QRCode from 'qrcode';

export async function joinCodeQr(joinCode: string): Promise<string> {
  const svg = await QRCode.toString(joinCode, { type: 'svg', errorCorrectionLevel: 'M', margin: 2, color: { dark: '#000000', light: '#ffffff' } });
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}
