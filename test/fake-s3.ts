import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

export interface FakeS3 {
  url: string;
  /** Objects by `bucket/key`. */
  objects: Map<string, { body: Buffer; contentType: string | undefined }>;
  requests: { method: string; path: string; authorization: string | undefined }[];
  close(): Promise<void>;
}

const body = (req: IncomingMessage) =>
  new Promise<Buffer>((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on('data', (part: Buffer) => parts.push(part));
    req.on('end', () => resolve(Buffer.concat(parts)));
    req.on('error', reject);
  });

/**
 * The few S3 operations the evidence store uses (PUT, GET and DELETE of one object, path-style), on loopback:
 * enough to see what the portal sends to a bucket and what it makes of the answers. It does not check
 * signatures; the test looks at them.
 */
export function startFakeS3(): Promise<FakeS3> {
  const objects: FakeS3['objects'] = new Map();
  const requests: FakeS3['requests'] = [];
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://s3.test').pathname).slice(1);
    requests.push({ method: req.method ?? '', path, authorization: req.headers.authorization });
    const data = await body(req);
    if (req.method === 'PUT') {
      objects.set(path, { body: data, contentType: req.headers['content-type'] });
      res.writeHead(200, { ETag: '"fake"' }).end();
    } else if (req.method === 'GET') {
      const object = objects.get(path);
      if (!object) {
        res
          .writeHead(404, { 'Content-Type': 'application/xml' })
          .end(
            '<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>',
          );
        return;
      }
      res
        .writeHead(200, {
          'Content-Type': object.contentType ?? 'application/octet-stream',
          'Content-Length': object.body.length,
          ETag: '"fake"',
        })
        .end(object.body);
    } else if (req.method === 'DELETE') {
      objects.delete(path);
      res.writeHead(204).end();
    } else {
      res.writeHead(405).end();
    }
  };
  const server = createServer((req, res) => void handle(req, res));
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      resolve({
        url: `http://127.0.0.1:${port}`,
        objects,
        requests,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}
