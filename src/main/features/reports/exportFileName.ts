// File names for exports: kind, incident title reduced to safe ASCII, and the UTC time of export.
export function exportFileName(kind: string, title: string, at: Date, extension: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50);
  const stamp = at.toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
  return `tocsin-${kind}-${slug || 'incident'}-${stamp}.${extension}`;
}
