import { describe, expect, it } from '@jest/globals';
import { attachmentDisposition, sanitiseFileName } from './file-name.js';

describe('evidence file names', () => {
  it('keeps the name a person gave, without folders, hidden-file dots or characters file systems refuse', () => {
    expect(sanitiseFileName('IMG_0042.HEIC', ['heic'])).toBe('IMG_0042.HEIC');
    expect(sanitiseFileName('C:\\Users\\pc\\Desktop\\diary  May.docx', ['docx'])).toBe('diary May.docx');
    expect(sanitiseFileName('../../.bashrc', ['txt'])).toBe('bashrc.txt');
    expect(sanitiseFileName('a:b*c?.pdf', ['pdf'])).toBe('a_b_c_.pdf');
  });

  it('ends every name with an extension of the type the bytes are, keeping one that already fits', () => {
    expect(sanitiseFileName('Diary-May.js', ['txt', 'text'])).toBe('Diary-May.js.txt');
    expect(sanitiseFileName('scan.pdf', ['png'])).toBe('scan.pdf.png');
    expect(sanitiseFileName('Photo.JPEG', ['jpg', 'jpeg'])).toBe('Photo.JPEG');
    expect(sanitiseFileName('notes', ['txt'])).toBe('notes.txt');
    expect(sanitiseFileName('.txt', ['txt'])).toBe('txt.txt');
  });

  it('drops control and direction-changing characters, so "exe.pdf" cannot read as "fdp.exe"', () => {
    expect(sanitiseFileName('photo\u202Egpj.exe', ['jpg'])).toBe('photogpj.exe.jpg');
    expect(sanitiseFileName('line\r\nbreak\u0000.txt', ['txt'])).toBe('linebreak.txt');
  });

  it('names a file that arrives without a usable name by its type', () => {
    expect(sanitiseFileName('', ['png'])).toBe('evidence.png');
    expect(sanitiseFileName(' ... ', ['pdf'])).toBe('evidence.pdf');
    expect(sanitiseFileName(undefined, ['wav'])).toBe('evidence.wav');
  });

  it('shortens a long name to 255 characters, keeping the extension', () => {
    const name = sanitiseFileName(`${'ü'.repeat(300)}.jpeg`, ['jpg', 'jpeg']);
    expect([...name]).toHaveLength(255);
    expect(name.endsWith('ü.jpeg')).toBe(true);
    const added = sanitiseFileName(`${'ü'.repeat(300)}.js`, ['txt']);
    expect([...added]).toHaveLength(255);
    expect(added.endsWith('ü.txt')).toBe(true);
  });

  it('offers a download name that cannot break out of its header, in ASCII and in UTF-8', () => {
    expect(attachmentDisposition('say "hi"\\.txt')).toBe(
      `attachment; filename="say _hi__.txt"; filename*=UTF-8''say%20%22hi%22%5C.txt`,
    );
    expect(attachmentDisposition("Zoë's (copy).pdf")).toBe(
      `attachment; filename="Zo_'s (copy).pdf"; filename*=UTF-8''Zo%C3%AB%27s%20%28copy%29.pdf`,
    );
  });
});
