const MAX_LENGTH = 255;

/**
 * The sender's file name, made safe to keep, list and offer back as a download name: no folders, no control
 * or direction-changing characters (which can make "exe.pdf" read as "fdp.exe"), none of the characters file
 * systems refuse, no leading dots, at most 255 characters with the extension kept.
 */
export function sanitiseFileName(given: string | undefined, fallbackExtension: string): string {
  const base = (given ?? '').split(/[\\/]/).pop() ?? '';
  let name = base
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '')
    .replace(/[<>:"|?*]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '');
  if (!name) name = `evidence.${fallbackExtension}`;
  const chars = [...name];
  if (chars.length <= MAX_LENGTH) return name;
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 && name.length - dot <= 16 ? [...name.slice(dot)] : [];
  return chars.slice(0, MAX_LENGTH - extension.length).join('') + extension.join('');
}

/**
 * `attachment` with the name twice: plain ASCII for old clients, and RFC 6266 / 5987 UTF-8 for the rest, so
 * no name can break out of the header.
 */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
