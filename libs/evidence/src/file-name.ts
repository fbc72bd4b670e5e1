const MAX_LENGTH = 255;

/**
 * The sender's file name, made safe to keep, list and offer back as a download name: no folders, no control
 * or direction-changing characters (which can make "exe.pdf" read as "fdp.exe"), none of the characters file
 * systems refuse, no leading dots, at most 255 characters, and ending with an extension of the type the bytes
 * are (`extensions`, the usual one first): one already there is kept, any other is followed by the usual one.
 */
export function sanitiseFileName(given: string | undefined, extensions: readonly string[]): string {
  const base = (given ?? '').split(/[\\/]/).pop() ?? '';
  let name = base
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '')
    .replace(/[<>:"|?*]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '');
  if (!name) name = 'evidence';
  const dot = name.lastIndexOf('.');
  const fitting = dot > 0 && extensions.includes(name.slice(dot + 1).toLowerCase());
  const stem = fitting ? name.slice(0, dot) : name;
  const extension = `.${fitting ? name.slice(dot + 1) : extensions[0]}`;
  const room = MAX_LENGTH - [...extension].length;
  const chars = [...stem];
  return (chars.length <= room ? stem : chars.slice(0, room).join('').trimEnd()) + extension;
}

/**
 * `attachment` with the name twice: plain ASCII for old clients, and RFC 6266 / 5987 UTF-8 for the rest, so
 * no name can break out of the header.
 */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
