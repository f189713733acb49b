using TrackedApp;

// TrackedApp --calls N (0: until killed) --offset K --delay-ms D [--login SECRET] [--max-seconds S]
// Calls Pins.Next(K), Pins.Next(K+1), ... and prints "ready" after its first call and "done" at the end.
// Whatever happens to the test that started it, it stops by itself after S seconds (default 60).
long calls = 0, offset = 0;
var delay = 0;
var maxSeconds = 60;
string? secret = null;
for (var i = 0; i + 1 < args.Length; i += 2)
{
    switch (args[i])
    {
        case "--calls": calls = long.Parse(args[i + 1]); break;
        case "--offset": offset = long.Parse(args[i + 1]); break;
        case "--delay-ms": delay = int.Parse(args[i + 1]); break;
        case "--login": secret = args[i + 1]; break;
        case "--max-seconds": maxSeconds = int.Parse(args[i + 1]); break;
        default: Console.Error.WriteLine($"unknown argument {args[i]}"); return 2;
    }
}
if (secret is not null)
{
    Console.WriteLine(Pins.Login("alice", secret) ? "accepted" : "rejected");
}
var clock = System.Diagnostics.Stopwatch.StartNew();
for (long n = 0; calls == 0 || n < calls; n++)
{
    if ((n & 0xfff) == 0 && clock.Elapsed.TotalSeconds > maxSeconds)
    {
        Console.WriteLine("time limit");
        break;
    }
    Pins.Next(offset + n);
    if (n == 0)
    {
        Console.WriteLine("ready");
    }
    if (delay > 0)
    {
        Thread.Sleep(delay);
    }
}
Console.WriteLine("done");
return 0;
