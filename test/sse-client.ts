import http from 'node:http';

export type SseMessage = { id: string | null; event: string; data: unknown };

/** A minimal Server-Sent Events reader over node:http, for tests: collects messages as they come. */
export function openSse(url: string, headers: Record<string, string>) {
  const messages: SseMessage[] = [];
  let status = 0;
  let ended = false;
  const request = http.get(url, { headers: { accept: 'text/event-stream', ...headers } });
  const opened = new Promise<void>((resolve, reject) => {
    request.once('error', reject);
    request.once('response', (res) => {
      status = res.statusCode ?? 0;
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let cut = buffer.indexOf('\n\n');
        while (cut >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const fields = new Map<string, string>();
          for (const line of block.split('\n')) {
            const at = line.indexOf(':');
            if (at > 0) fields.set(line.slice(0, at), line.slice(at + 1).trimStart());
          }
          if (fields.has('data')) {
            messages.push({
              id: fields.get('id') ?? null,
              event: fields.get('event') ?? 'message',
              data: JSON.parse(fields.get('data') ?? 'null'),
            });
          }
          cut = buffer.indexOf('\n\n');
        }
      });
      res.on('end', () => {
        ended = true;
      });
      resolve();
    });
  });
  return {
    messages,
    opened,
    get status() {
      return status;
    },
    get ended() {
      return ended;
    },
    close: () => request.destroy(),
  };
}
