import { createServer, Socket as NetSocket, type Server, type Socket } from "node:net";

/**
 * A TCP proxy in front of the test Redis that can be cut and restored, so a test can stop "Redis"
 * without touching the server other tests share.
 */
export async function redisProxy(target = process.env.REDIS_URL ?? "redis://127.0.0.1:6379") {
  const { hostname, port } = new URL(target);
  const sockets = new Set<Socket>();
  let up = true;
  const server: Server = createServer((client) => {
    if (!up) return void client.destroy();
    const upstream = new NetSocket();
    upstream.connect(Number(port || 6379), hostname || "127.0.0.1");
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on("error", () => {});
      s.on("close", () => {
        sockets.delete(s);
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const proxyPort = typeof address === "object" && address ? address.port : 0;
  return {
    url: `redis://127.0.0.1:${proxyPort}`,
    /** Cuts every connection and refuses new ones. */
    down() {
      up = false;
      for (const s of sockets) s.destroy();
    },
    /** Accepts connections again. */
    up() {
      up = true;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
