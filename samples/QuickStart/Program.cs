using QuickStart;

// Calls the pins over sample values. With tracking on ('sigil tracker start'), every call is recorded.
// Usage: QuickStart [--rounds N] [--forever]
var rounds = 3;
var forever = false;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--rounds" when i + 1 < args.Length && int.TryParse(args[i + 1], out var n) && n > 0:
            rounds = n;
            i++;
            break;
        case "--forever":
            forever = true;
            break;
        default:
            Console.Error.WriteLine($"unknown argument '{args[i]}'; usage: QuickStart [--rounds N] [--forever]");
            return 2;
    }
}

double[] values = [2, 3, 10, 49.5, 1e6];
var random = new Random(42);
long calls = 0;
for (var round = 0; forever || round < rounds; round++)
{
    foreach (var x in values)
    {
        var root = Kernels.Root(x);
        calls++;
        if (!forever)
        {
            Console.WriteLine($"Root({x}) = {root:G10}");
        }
    }
    var data = Enumerable.Range(0, 16).Select(_ => random.Next(-1000, 1000)).ToArray();
    var sum = Kernels.SumOfSquares(data);
    calls++;
    if (forever)
    {
        Console.WriteLine($"calls {calls}");
        Thread.Sleep(1);
    }
    else
    {
        Console.WriteLine($"SumOfSquares(16 values) = {sum}");
    }
}
return 0;
