# A discarding SMTP sink for bench/circuits: the owner alert emails of thousands of bench emergencies go nowhere
# (not into the shared sink's Maildir that ./test reads). Usage: python3 bench/smtp-discard.py PORT
import asyncio, sys
async def handle(r, w):
    w.write(b"220 sink\r\n"); await w.drain()
    data = False
    while True:
        line = await r.readline()
        if not line: break
        if data:
            if line == b".\r\n": data = False; w.write(b"250 ok\r\n")
            continue
        cmd = line[:4].upper()
        if cmd == b"DATA": data = True; w.write(b"354 go\r\n")
        elif cmd == b"QUIT": w.write(b"221 bye\r\n"); await w.drain(); break
        elif cmd in (b"EHLO",): w.write(b"250-sink\r\n250 8BITMIME\r\n")
        else: w.write(b"250 ok\r\n")
        await w.drain()
    w.close()
async def main():
    s = await asyncio.start_server(handle, "127.0.0.1", int(sys.argv[1]) if len(sys.argv) > 1 else 52626)
    async with s: await s.serve_forever()
asyncio.run(main())
