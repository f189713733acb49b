using Microsoft.CodeAnalysis;
using Sigil.Generators.Tests.Infrastructure;

namespace Sigil.Generators.Tests;

/// <summary>
/// End to end: generate, compile, emit, load in a collectible context and run. Calls written in the project go
/// through the interceptors: with the tracker on, each pin's PinTracker counts exactly the routed calls.
/// </summary>
[TestClass]
public sealed class SigilGeneratorRoutingTests
{
    private const string Pins = """
        using System.Threading.Tasks;
        namespace Routing;

        public static class Calc
        {
            [Sigil.Improve("quickstart", Eval = nameof(Score))]
            public static int Square(int x) => x * x;
            public static double Score(int x, int result) => result;

            [Sigil.Improve("quickstart", Eval = nameof(FactScore))]
            public static long Fact(int n) => n <= 1 ? 1 : n * Fact(n - 1);
            public static bool FactScore(int n, long result) => result > 0;

            [Sigil.Improve("quickstart", Eval = nameof(WideScore))]
            public static int Sum9(int a, int b, int c, int d, int e, int f, int g, int h, int i) => a + b + c + d + e + f + g + h + i;
            public static int WideScore(int a, int b, int c, int d, int e, int f, int g, int h, int i, int result) => result;

            [Sigil.Improve("quickstart", Eval = nameof(TouchScore))]
            public static void Touch(int[] cells) => cells[0]++;
            public static double TouchScore(int[] cells) => cells[0];

            [Sigil.Improve("quickstart", Eval = nameof(LoadScore))]
            public static async Task<int> LoadAsync(int id) { await Task.Yield(); return id * 10; }
            public static double LoadScore(int id, int result) => result;

            [Sigil.Improve("quickstart", Eval = nameof(NameScore))]
            public static ValueTask<string> NameAsync(int id) => new(id.ToString());
            public static double NameScore(int id, string result) => result.Length;

            [Sigil.Improve("quickstart", Eval = nameof(SaveScore))]
            public static async Task SaveAsync(int[] cells) { await Task.Yield(); cells[0]++; }
            public static double SaveScore(int[] cells) => cells[0];

            [Sigil.Improve("quickstart", Eval = nameof(HiddenScore))]
            private static int Hidden(int x) => x + 100;
            private static double HiddenScore(int x, int result) => result;
            public static int CallHidden(int x) => Hidden(x);

            [Sigil.Improve("quickstart", Eval = nameof(FragileScore))]
            public static int Fragile(int x) => x == 0 ? throw new System.InvalidOperationException("zero") : x;
            public static double FragileScore(int x, int result) => throw new System.ArithmeticException("eval failed");

            private static class Inner
            {
                [Sigil.Improve("quickstart", Eval = nameof(Score))]
                public static int Triple(int x) => 3 * x;
                public static double Score(int x, int result) => result;
            }
            public static int CallInner(int x) => Inner.Triple(x);
        }

        public sealed class Counter
        {
            private int _total;

            [Sigil.Improve("quickstart", Eval = nameof(Score))]
            public int Add(int x) { _total += x; return _total; }
            public static double Score(int x, int result) => result;

            [Sigil.Improve("quickstart", Eval = nameof(Score))]
            private int AddHidden(int x) { _total += 2 * x; return _total; }
            public int CallHidden(int x) => AddHidden(x);
        }

        public static class TextPins
        {
            [Sigil.Improve("quickstart", Eval = nameof(Score))]
            public static string Shout(this string value) => value + "!";
            public static double Score(string value, string result) => result.Length;
        }

        public static class Entry
        {
            public static int Square(int x) => Calc.Square(x);
            public static int SquareTwice(int x) => Calc.Square(x) + Calc.Square(x);
            public static long Fact(int n) => Calc.Fact(n);
            public static int Sum9() => Calc.Sum9(1, 2, 3, 4, 5, 6, 7, 8, 9);
            public static int Touch() { var cells = new int[1]; Calc.Touch(cells); return cells[0]; }
            public static Task<int> LoadAsync(int id) => Calc.LoadAsync(id);
            public static async Task<string> NameAsync(int id) => await Calc.NameAsync(id);
            public static async Task<int> SaveAsync() { var cells = new int[1]; await Calc.SaveAsync(cells); return cells[0]; }
            public static int Hidden(int x) => Calc.CallHidden(x);
            public static int Fragile(int x) => Calc.Fragile(x);
            public static int Inner(int x) => Calc.CallInner(x);
            public static int Add(int x) { var c = new Counter(); c.Add(x); return c.Add(x); }
            public static int AddHidden(int x) => new Counter().CallHidden(x);
            public static string Shout(string value) => value.Shout() + TextPins.Shout(value);
            public static int SquareByDelegate(int x)
            {
        #pragma warning disable SIGIL004 // The point: method groups are not routed.
                System.Func<int, int> square = Calc.Square;
        #pragma warning restore SIGIL004
                return square(x);
            }
        }
        """;

    private static TempProjectDirectory? s_trackedDirectory;
    private static LoadedProject? s_tracked;

    private static LoadedProject Tracked => s_tracked ?? throw new InvalidOperationException("ClassInitialize did not run.");

    [ClassInitialize]
    public static void Initialize(TestContext context)
    {
        _ = context;
        s_trackedDirectory = new TempProjectDirectory(trackerEnabled: true);
        s_tracked = LoadedProject.Load(Files(), s_trackedDirectory.Path, allowedIds: "SIGIL004");
    }

    [ClassCleanup]
    public static void Cleanup()
    {
        s_tracked?.Dispose();
        s_trackedDirectory?.Dispose();
    }

    private static (string Path, string Source)[] Files() =>
        [("/src/app/Pins.cs", Pins), ("/src/app/Specs.cs", GeneratorHarness.SpecDeclaration)];

    [TestMethod]
    public void Call_TrackerOff_ReturnsTheDirectResultAndRecordsNothing()
    {
        using var directory = new TempProjectDirectory(trackerEnabled: false);
        using var project = LoadedProject.Load(Files(), directory.Path, allowedIds: "SIGIL004");

        var routed = project.Invoke("Routing.Entry", "Square", 7);
        var direct = project.Invoke("Routing.Calc", "Square", 7);

        Assert.AreEqual(direct, routed);
        Assert.AreEqual(49, routed);
        Assert.AreEqual(0L, project.Recorded("Calc.Square(int)"));
        var registered = Sigil.Runtime.PinRegistry.Projects.Single(p => p.ProjectDirectory == Path.GetFullPath(directory.Path));
        Assert.IsFalse(registered.TrackingEnabled);
    }

    [TestMethod]
    public void Call_TrackerOn_EveryRoutedCallIsRecorded()
    {
        var before = Tracked.Recorded("Calc.Square(int)");

        Assert.AreEqual(49, Tracked.Invoke("Routing.Entry", "Square", 7));
        Assert.AreEqual(18, Tracked.Invoke("Routing.Entry", "SquareTwice", 3));

        Assert.AreEqual(before + 3, Tracked.Recorded("Calc.Square(int)"));
        Assert.IsTrue(Sigil.Runtime.PinRegistry.Projects.Single(p => p.ProjectDirectory == Path.GetFullPath(s_trackedDirectory!.Path)).TrackingEnabled);
    }

    [TestMethod]
    public void Call_RecursivePin_OnlyTheOuterCallIsRecorded()
    {
        Assert.AreEqual(120L, Tracked.Invoke("Routing.Entry", "Fact", 5));

        Assert.AreEqual(1L, Tracked.Recorded("Calc.Fact(int)"));
    }

    [TestMethod]
    public void Call_NineParameters_IsRecorded()
    {
        Assert.AreEqual(45, Tracked.Invoke("Routing.Entry", "Sum9"));

        Assert.AreEqual(1L, Tracked.Recorded("Calc.Sum9(int,int,int,int,int,int,int,int,int)"));
    }

    [TestMethod]
    public void Call_VoidPin_RunsOnceAndIsRecorded()
    {
        Assert.AreEqual(1, Tracked.Invoke("Routing.Entry", "Touch"));

        Assert.AreEqual(1L, Tracked.Recorded("Calc.Touch(int[])"));
    }

    [TestMethod]
    public async Task Call_TaskOfTPin_IsRecordedAfterCompletion()
    {
        var result = await (Task<int>)Tracked.Invoke("Routing.Entry", "LoadAsync", 4)!;

        Assert.AreEqual(40, result);
        Assert.AreEqual(1L, Tracked.Recorded("Calc.LoadAsync(int)"));
    }

    [TestMethod]
    public async Task Call_ValueTaskOfTPin_IsRecorded()
    {
        var result = await (Task<string>)Tracked.Invoke("Routing.Entry", "NameAsync", 12345)!;

        Assert.AreEqual("12345", result);
        Assert.AreEqual(1L, Tracked.Recorded("Calc.NameAsync(int)"));
    }

    [TestMethod]
    public async Task Call_TaskPin_RunsOnceAndIsRecorded()
    {
        var result = await (Task<int>)Tracked.Invoke("Routing.Entry", "SaveAsync")!;

        Assert.AreEqual(1, result);
        Assert.AreEqual(1L, Tracked.Recorded("Calc.SaveAsync(int[])"));
    }

    [TestMethod]
    public void Call_PrivatePinWithPrivateEval_IsRoutedThroughUnsafeAccessors()
    {
        Assert.AreEqual(105, Tracked.Invoke("Routing.Entry", "Hidden", 5));

        Assert.AreEqual(1L, Tracked.Recorded("Calc.Hidden(int)"));
    }

    [TestMethod]
    public void Call_PinInPrivateNestedType_IsRoutedThroughUnsafeAccessorType()
    {
        Assert.AreEqual(15, Tracked.Invoke("Routing.Entry", "Inner", 5));

        Assert.AreEqual(1L, Tracked.Recorded("Calc.Inner.Triple(int)"));
    }

    [TestMethod]
    public void Call_InstancePins_PublicAndPrivate_AreRecorded()
    {
        Assert.AreEqual(6, Tracked.Invoke("Routing.Entry", "Add", 3));
        Assert.AreEqual(8, Tracked.Invoke("Routing.Entry", "AddHidden", 4));

        Assert.AreEqual(2L, Tracked.Recorded("Counter.Add(int)"));
        Assert.AreEqual(1L, Tracked.Recorded("Counter.AddHidden(int)"));
    }

    [TestMethod]
    public void Call_ExtensionPin_ReducedAndStaticFormsAreRecorded()
    {
        Assert.AreEqual("a!a!", Tracked.Invoke("Routing.Entry", "Shout", "a"));

        Assert.AreEqual(2L, Tracked.Recorded("TextPins.Shout(string)"));
    }

    [TestMethod]
    public void Call_PinThrows_ExceptionPropagatesAndTheFailureIsRecorded()
    {
        Assert.ThrowsExactly<InvalidOperationException>(() => Tracked.Invoke("Routing.Entry", "Fragile", 0));
        Assert.AreEqual(3, Tracked.Invoke("Routing.Entry", "Fragile", 3)); // The eval throws: the result still returns.

        Assert.AreEqual(2L, Tracked.Recorded("Calc.Fragile(int)"));
    }

    [TestMethod]
    public void Call_ThroughMethodGroup_IsNotRouted()
    {
        var before = Tracked.Recorded("Calc.Square(int)");

        Assert.AreEqual(81, Tracked.Invoke("Routing.Entry", "SquareByDelegate", 9));

        // Call_TrackerOn_EveryRoutedCallIsRecorded may run in parallel and add exactly 3.
        var delta = Tracked.Recorded("Calc.Square(int)") - before;
        Assert.IsTrue(delta is 0 or 3, "delta " + delta);
    }

    [TestMethod]
    public void Call_TopLevelStatements_AreRouted()
    {
        using var directory = new TempProjectDirectory(trackerEnabled: true);
        using var project = LoadedProject.Load(
            [
                ("/src/app/Program.cs", "System.Console.Out.Flush();\nRouting.Calc.Square(2);\nRouting.Calc.Square(3);\n"),
                ("/src/app/Pins.cs", Pins),
                ("/src/app/Specs.cs", GeneratorHarness.SpecDeclaration),
            ],
            directory.Path,
            OutputKind.ConsoleApplication,
            "SIGIL004");

        project.Assembly.EntryPoint!.Invoke(null, [Array.Empty<string>()]);

        Assert.AreEqual(2L, project.Recorded("Calc.Square(int)"));
    }
}
